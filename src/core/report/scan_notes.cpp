// Text of `canrun scan`'s note ids, English and Chinese.
#include <string_view>

#include "report/scan_report.h"

namespace canrun::report {

namespace {

struct NoteText {
    std::string_view id;
    const char* en;
    const char* zh;
};

constexpr NoteText kNotes[] = {
    {"scan.unreadable", "cannot be read (permissions?); skipped", "无法读取（权限？），已跳过"},
    {"scan.symlink_loop", "symbolic link loop; not followed", "符号链接成环，未跟随"},
    {"scan.broken_link", "broken symbolic link", "符号链接指向的文件不存在"},
    {"scan.depth_limit", "nested too deep; not entered", "目录层级太深，未进入"},
    {"scan.system_dir", "a system directory (/proc, /sys, /dev); never entered",
     "系统目录（/proc、/sys、/dev），不会进入"},
    {"scan.broken_manifest", "an Ollama manifest that cannot be read", "无法读取的 Ollama 清单"},
    {"scan.missing_blob", "an Ollama model file is missing; `ollama pull` it again",
     "Ollama 模型文件缺失，请重新 `ollama pull`"},
    {"scan.bad_gguf", "not a readable GGUF model", "不是可读取的 GGUF 模型"},
    {"scan.not_gguf", "named .gguf but not a GGUF file", "文件名是 .gguf，但内容不是 GGUF"},
    {"scan.byte_split", "a piece of a file cut with split(1); join the pieces with cat to use it",
     "用 split(1) 切开的文件片段；用 cat 拼接后才能使用"},
    {"scan.split_first_missing",
     "the first shard of a split model is missing, so the other shards cannot be loaded",
     "分片模型缺少第一个分片，其余分片无法加载"},
    {"scan.bad_safetensors", "a safetensors header that cannot be read", "无法读取的 safetensors 文件头"},
    {"scan.missing_dir", "does not exist", "不存在"},
    {"scan.arch_unsupported", "its architecture is not one canrun can estimate yet",
     "canrun 暂时无法估算这种架构"},
    {"scan.safetensors_converted",
     "safetensors: estimated as llama.cpp would run it converted to GGUF at the same precision",
     "safetensors：按转换为同精度 GGUF 后由 llama.cpp 运行来估算"},
    {"scan.has_copies", "the same model is also stored as a separate copy (see Duplicates)",
     "同一模型还有另一份独立副本（见“重复文件”）"},
};

}  // namespace

std::string scan_note_text(const std::string& id, Lang lang) {
    for (const auto& n : kNotes) {
        if (n.id == id) return lang == Lang::Zh ? n.zh : n.en;
    }
    return id;
}

}  // namespace canrun::report
