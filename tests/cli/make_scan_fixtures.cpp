// Writes the stores of the `canrun scan` golden tests into argv[1]: an Ollama store (two tags on
// one blob, a broken manifest), a Hugging Face cache (two revisions linking one blob), and a
// plain folder with a model, a copy of it, a corrupt GGUF and a symlink loop. GGUFs are sparse.
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "unit/scan/store_builder.h"

namespace {

namespace fs = std::filesystem;
namespace t = canrun::testing;

bool ollama(const fs::path& root) {
    const auto small = t::tiny_llama_gguf("Tiny Chat", 4, 512);
    const auto digest = t::fake_digest("tiny-chat");
    return t::add_ollama_tag(root, "registry.ollama.ai/library/tinychat/latest", small, digest) &&
           t::add_ollama_tag(root, "registry.ollama.ai/library/tinychat/1b", small, digest) &&
           t::add_ollama_tag(root, "registry.ollama.ai/library/wide/8b", t::tiny_llama_gguf("Wide", 8, 4096),
                             t::fake_digest("wide")) &&
           t::write_text_file(root / "manifests/registry.ollama.ai/library/broken/latest", "{\"layers\": 7");
}

bool hf(const fs::path& hub) {
    const auto m = t::tiny_llama_gguf("Tiny Instruct", 6, 1024);
    return t::add_hf_file(hub, "org/Tiny-Instruct-GGUF", "1111", "tiny-instruct-Q4_K_M.gguf", m, "0a1b") &&
           t::add_hf_file(hub, "org/Tiny-Instruct-GGUF", "2222", "tiny-instruct-Q4_K_M.gguf", m, "0a1b");
}

bool plain(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir / "copies", ec);
    const auto m = t::tiny_llama_gguf("Plain", 4, 768);
    fs::create_directory_symlink("..", dir / "copies" / "loop", ec);
    return m.write_file(dir / "plain-Q4_K_M.gguf") && m.write_file(dir / "copies" / "plain-copy.gguf") &&
           t::tiny_llama_gguf("Broken", 2, 256)
               .corrupt(t::Corruption::TruncatedInMetadata)
               .write_file(dir / "broken.gguf");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_scan_fixtures DIR\n");
        return 2;
    }
    const fs::path dir = argv[1];
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    if (!ollama(dir / "ollama") || !hf(dir / "hf") || !plain(dir / "plain")) {
        std::fprintf(stderr, "make_scan_fixtures: cannot write into %s\n", dir.string().c_str());
        return 1;
    }
    return 0;
}
