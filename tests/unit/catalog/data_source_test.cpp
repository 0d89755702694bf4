#include "catalog/data_source.h"
#include "support/temp_path.h"

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace canrun::catalog {
namespace {

namespace fs = std::filesystem;

class DataSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = canrun::testing::unique_temp_path("canrun_data_source");
        fs::remove_all(root_);
        fs::create_directories(root_ / "a");
        fs::create_directories(root_ / "b");
        fs::create_directories(root_ / "c");
    }
    void TearDown() override { fs::remove_all(root_); }

    void write(const fs::path& p, const std::string& text) {
        fs::create_directories(p.parent_path());
        std::ofstream(p) << text;
    }
    DataSourceOptions opts(bool embedded = false) {
        DataSourceOptions o;
        o.data_dir = (root_ / "a").string();
        o.user_dir = (root_ / "b").string();
        o.install_dir = (root_ / "c").string();
        o.use_embedded = embedded;
        return o;
    }
    fs::path root_;
};

TEST_F(DataSourceTest, DataDirWinsOverUserAndInstall) {
    write(root_ / "a" / "x.json", "A");
    write(root_ / "b" / "x.json", "B");
    write(root_ / "c" / "x.json", "C");
    auto f = load_data_file("x.json", opts());
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->text, "A");
    EXPECT_EQ(f->origin, DataOrigin::DataDir);
    EXPECT_EQ(f->path, (root_ / "a" / "x.json").string());
}

TEST_F(DataSourceTest, FallsThroughInOrder) {
    write(root_ / "b" / "x.json", "B");
    write(root_ / "c" / "x.json", "C");
    write(root_ / "c" / "y.json", "C2");
    auto x = load_data_file("x.json", opts());
    ASSERT_TRUE(x);
    EXPECT_EQ(x->text, "B");
    EXPECT_EQ(x->origin, DataOrigin::UserDir);
    auto y = load_data_file("y.json", opts());
    ASSERT_TRUE(y);
    EXPECT_EQ(y->text, "C2");
    EXPECT_EQ(y->origin, DataOrigin::InstallDir);
}

TEST_F(DataSourceTest, SubdirectoryNames) {
    write(root_ / "b" / "i18n" / "en.json", "E");
    auto f = load_data_file("i18n/en.json", opts());
    ASSERT_TRUE(f);
    EXPECT_EQ(f->text, "E");
}

TEST_F(DataSourceTest, MissingEverywhereIsBadInput) {
    auto f = load_data_file("nothing.json", opts());
    ASSERT_FALSE(f);
    EXPECT_EQ(f.error().code, ExitCode::BadInput);
    EXPECT_NE(f.error().message.find("nothing.json"), std::string::npos);
}

TEST_F(DataSourceTest, DataDirMustBeADirectory) {
    auto o = opts();
    o.data_dir = (root_ / "missing").string();
    auto f = load_data_file("x.json", o);
    ASSERT_FALSE(f);
    EXPECT_NE(f.error().message.find("--data-dir"), std::string::npos);
}

TEST_F(DataSourceTest, RejectsEscapingNames) {
    EXPECT_FALSE(load_data_file("../etc/passwd", opts()));
    EXPECT_FALSE(load_data_file("/etc/passwd", opts()));
}

TEST_F(DataSourceTest, EmbeddedIsTheLastResort) {
    const auto names = embedded_data_file_names();
    ASSERT_FALSE(names.empty());
    auto f = load_data_file(names.front(), opts(true));
    ASSERT_TRUE(f) << f.error().message;
    EXPECT_EQ(f->origin, DataOrigin::Embedded);
    EXPECT_EQ(f->text, std::string(*embedded_data_file(names.front())));
    EXPECT_FALSE(f->text.empty());
}

TEST_F(DataSourceTest, EmbeddedModelsJsonIsBuiltIn) {
    auto m = embedded_data_file("models.json");
    ASSERT_TRUE(m.has_value());
    EXPECT_NE(m->find("schema_version"), std::string_view::npos);
}

TEST(ParseDataJson, ChecksTheEnvelope) {
    auto ok = parse_data_json({"m.json", R"({"schema_version":1,"data_version":"2026-11"})",
                               DataOrigin::DataDir, "/d/m.json"});
    ASSERT_TRUE(ok) << ok.error().message;
    EXPECT_EQ(ok->schema_version, 1);
    EXPECT_EQ(ok->data_version, "2026-11");

    auto bad = parse_data_json({"m.json", "{oops", DataOrigin::DataDir, "/d/m.json"});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("/d/m.json"), std::string::npos);
    EXPECT_FALSE(parse_data_json({"m.json", R"({"data_version":"x"})", DataOrigin::DataDir, "p"}));
    EXPECT_FALSE(parse_data_json({"m.json", R"({"schema_version":1})", DataOrigin::DataDir, "p"}));
    EXPECT_FALSE(parse_data_json({"m.json", "[1]", DataOrigin::DataDir, "p"}));
}

}  // namespace
}  // namespace canrun::catalog
