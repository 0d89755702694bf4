#include "report/lang.h"

#include <gtest/gtest.h>

namespace canrun::report {

TEST(Lang, FlagWinsOverEnvironment) {
    EXPECT_EQ(pick_lang("en", "zh_CN.UTF-8", "", ""), Lang::En);
    EXPECT_EQ(pick_lang("zh", "", "", "en_US.UTF-8"), Lang::Zh);
}

TEST(Lang, LcAllBeforeLang) {
    EXPECT_EQ(pick_lang("", "zh_CN.UTF-8", "", "en_US.UTF-8"), Lang::Zh);
    EXPECT_EQ(pick_lang("", "", "", "zh_TW.UTF-8"), Lang::Zh);
    EXPECT_EQ(pick_lang("", "C", "", "zh_CN.UTF-8"), Lang::Zh);
    EXPECT_EQ(pick_lang("", "", "", ""), Lang::En);
}

}  // namespace canrun::report
