#include "hw/snapshot.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace canrun::hw {

namespace {

constexpr int kFormatVersion = 1;

bool is_text(const std::string& s) {
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (u < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            return false;
        }
    }
    return true;
}

std::string to_hex(const std::string& s) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() * 2);
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        out.push_back(kDigits[u >> 4U]);
        out.push_back(kDigits[u & 0xFU]);
    }
    return out;
}

std::optional<std::string> from_hex(const std::string& s) {
    if (s.size() % 2 != 0) {
        return std::nullopt;
    }
    std::string out;
    for (std::size_t i = 0; i < s.size(); i += 2) {
        unsigned value = 0;
        std::istringstream in(s.substr(i, 2));
        if (!(in >> std::hex >> value)) {
            return std::nullopt;
        }
        out.push_back(static_cast<char>(value));
    }
    return out;
}

}  // namespace

std::string snapshot_to_json(const Snapshot& s) {
    nlohmann::ordered_json j;
    j["format"] = "canrun-snapshot";
    j["version"] = kFormatVersion;
    nlohmann::ordered_json files = nlohmann::ordered_json::object();
    nlohmann::ordered_json hex_files = nlohmann::ordered_json::object();
    for (const auto& [path, content] : s.files) {
        if (is_text(content)) {
            files[path] = content;
        } else {
            hex_files[path] = to_hex(content);
        }
    }
    j["files"] = files;
    j["files_hex"] = hex_files;
    j["dirs"] = s.dirs;
    j["links"] = s.links;
    j["answers"] = s.answers;
    return j.dump(1) + "\n";
}

Result<Snapshot> snapshot_from_json(const std::string& text) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        return fail("not a JSON object");
    }
    if (j.value("format", "") != "canrun-snapshot" || !j.contains("version") ||
        !j["version"].is_number_integer() || j["version"].get<int>() != kFormatVersion) {
        return fail("not a canrun snapshot of format version 1");
    }
    Snapshot s;
    try {
        s.files = j.value("files", std::map<std::string, std::string>{});
        for (const auto& [path, hex] : j.value("files_hex", std::map<std::string, std::string>{})) {
            auto bytes = from_hex(hex);
            if (!bytes) {
                return fail("bad hex content for " + path);
            }
            s.files[path] = *bytes;
        }
        s.dirs = j.value("dirs", std::map<std::string, std::vector<std::string>>{});
        s.links = j.value("links", std::map<std::string, std::string>{});
        s.answers = j.value("answers", std::map<std::string, std::string>{});
    } catch (const nlohmann::json::exception& e) {
        return fail(std::string("wrong value type: ") + e.what());
    }
    return s;
}

Result<void> save_snapshot(const Snapshot& s, const std::filesystem::path& file) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) {
        return fail(file.string() + ": cannot write the snapshot (check the directory exists)");
    }
    out << snapshot_to_json(s);
    if (!out.flush()) {
        return fail(file.string() + ": write failed (disk full?)");
    }
    return {};
}

Result<Snapshot> load_snapshot(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return fail(file.string() + ": cannot read the snapshot (check the path)");
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto s = snapshot_from_json(text.str());
    if (!s) {
        return fail(file.string() + ": " + s.error().message +
                    " (make one with canrun hw --save-snapshot FILE)");
    }
    return s;
}

}  // namespace canrun::hw
