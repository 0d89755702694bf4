#include "scan/model_probe.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <map>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "catalog/synthetic_gguf.h"
#include "gguf/gguf_file.h"
#include "gguf/llama_ftype.h"
#include "gguf/model_facts.h"
#include "scan/hf_config.h"
#include "scan/safetensors_header.h"

namespace canrun::scan {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxSafetensorsFiles = 4096;
constexpr std::uint64_t kMaxConfigBytes = 1ULL << 20;

std::vector<fs::path> safetensors_files(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".safetensors" && files.size() < kMaxSafetensorsFiles) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

Result<std::string> read_config(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec || size > kMaxConfigBytes) return fail(fmt::format("{}: unreadable or too large", path.string()));
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// The llama.cpp type a converter would keep this dtype in.
std::string_view ftype_for_dtype(const std::string& dtype) {
    if (dtype == "BF16") return "BF16";
    if (dtype == "F32") return "F32";
    if (dtype.rfind("F8", 0) == 0 || dtype == "I8" || dtype == "U8") return "Q8_0";
    return "F16";
}

// Adds facts (from the synthetic header of the converted model) when config.json allows.
void add_facts(const fs::path& dir, FoundModel& m) {
    auto text = read_config(dir / "config.json");
    auto spec = text ? arch_spec_from_hf_config(*text) : Result<catalog::ArchSpec>(tl::unexpected(text.error()));
    if (!spec) {
        m.notes.emplace_back("scan.arch_unsupported");
        return;
    }
    const auto ftype = gguf::llama_ftype_by_name(ftype_for_dtype(m.quant));
    const auto file = catalog::synthesize_gguf(*spec, ftype ? ftype->ftype : gguf::LlamaFtype::F16);
    auto facts = gguf::extract_facts(file);
    if (!facts) {
        m.notes.emplace_back("scan.arch_unsupported");
        return;
    }
    m.arch = facts->arch;
    m.n_ctx_train = facts->n_ctx_train;
    m.facts = std::move(*facts);
    m.checkpoint = checkpoint_from_hf_config(*text);
    m.notes.emplace_back("scan.safetensors_converted");
}

}  // namespace

bool has_gguf_magic(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<char, 4> magic{};
    return in.read(magic.data(), 4) && std::string_view(magic.data(), 4) == "GGUF";
}

bool is_runnable_arch(std::string_view arch) { return arch != "clip" && !arch.empty(); }

Result<FoundModel> probe_gguf(const fs::path& path) {
    auto file = gguf::read_gguf_model(path);
    if (!file) return tl::unexpected(file.error());
    const auto arch = file->get_string("general.architecture").value_or("");
    if (!is_runnable_arch(arch)) {
        return fail(fmt::format("{}: a {} file, not a model by itself", path.string(),
                                arch.empty() ? "non-model" : arch));
    }
    auto facts = gguf::extract_facts(*file);
    if (!facts) return fail(fmt::format("{}: {}", path.string(), facts.error().message));
    FoundModel m;
    m.format = ModelFormat::Gguf;
    m.arch = facts->arch;
    m.quant = facts->quant;
    m.params = facts->params;
    m.file_bytes = file->file_bytes;
    m.shards = file->shard_count;
    m.n_ctx_train = facts->n_ctx_train;
    m.name = facts->name;
    m.facts = std::move(*facts);
    return m;
}

Result<FoundModel> probe_safetensors_folder(const fs::path& dir) {
    const auto files = safetensors_files(dir);
    if (files.empty()) return fail(fmt::format("{}: no .safetensors file", dir.string()));
    FoundModel m;
    m.format = ModelFormat::Safetensors;
    m.shards = static_cast<std::uint32_t>(files.size());
    std::map<std::string, std::uint64_t> by_dtype;
    for (const auto& f : files) {
        auto h = read_safetensors_header(f);
        if (!h) return tl::unexpected(h.error());
        m.params += h->params;
        std::error_code ec;
        m.file_bytes += fs::file_size(f, ec);
        for (const auto& [dtype, bytes] : h->bytes_by_dtype) by_dtype[dtype] += bytes;
    }
    const auto top = std::max_element(by_dtype.begin(), by_dtype.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    m.quant = top != by_dtype.end() ? top->first : "";
    add_facts(dir, m);
    return m;
}

}  // namespace canrun::scan
