// GGUF tensor infos (ggml src/gguf.cpp): name, n_dims, ne[n_dims], ggml type, offset relative
// to the data section; then the data layout: every tensor inside the file, none overlapping.
#include <algorithm>
#include <limits>
#include <vector>

#include "gguf/header_parser_impl.h"

namespace canrun::gguf::detail {
namespace {

bool removed_type(std::uint32_t id) {
    return id == 4 || id == 5 || (id >= 31 && id <= 33) || (id >= 36 && id <= 38);
}

}  // namespace

bool HeaderParser::parse_tensor_infos() {
    section_ = "tensor infos";
    constexpr std::uint64_t kMinTensor = 8 + 4 + 8 + 4 + 8;  // name, n_dims, ne0, type, offset
    if (n_tensors_ > r_.remaining() / kMinTensor) {
        return error(fmt::format("file is truncated in the tensor infos or damaged: the header says "
                                 "{} tensors, more than the rest of the file can hold", n_tensors_),
                     kTruncated);
    }
    if (n_tensors_ > limits_.max_tensor_count) {
        return damaged(fmt::format("header says {} tensors, more than the limit of {}", n_tensors_,
                                   limits_.max_tensor_count));
    }
    file_.tensors.reserve(static_cast<std::size_t>(n_tensors_));
    for (std::uint64_t i = 0; i < n_tensors_; ++i) {
        if (!parse_tensor_info(i)) {
            return false;
        }
    }
    return true;
}

bool HeaderParser::parse_tensor_info(std::uint64_t index) {
    TensorInfo t;
    const auto what = [&] { return fmt::format("the name of tensor #{}", index); };
    if (!read_string(t.name, what)) {
        return false;
    }
    if (t.name.size() >= kMaxName) {
        return damaged(fmt::format("{} is {} bytes long (ggml allows at most {})", what(),
                                   t.name.size(), kMaxName - 1));
    }
    if (!names_.insert(t.name).second) {
        return damaged(fmt::format("tensor name '{}' appears twice", t.name));
    }
    if (!parse_shape(t) || !parse_type(t) || !read_u64(t.offset)) {
        return false;
    }
    if (t.offset % file_.alignment != 0) {
        return damaged(fmt::format("tensor '{}' has offset {}, not a multiple of the alignment {}",
                                   t.name, t.offset, file_.alignment));
    }
    file_.tensors.push_back(std::move(t));
    return true;
}

bool HeaderParser::parse_shape(TensorInfo& t) {
    std::uint32_t n_dims = 0;
    if (!read_u32(n_dims)) {
        return false;
    }
    if (n_dims == 0 || n_dims > kMaxDims) {
        return damaged(fmt::format("tensor '{}' has {} dimensions (ggml allows 1 to {})", t.name,
                                   n_dims, kMaxDims));
    }
    t.shape.resize(n_dims);
    t.elements = 1;
    for (auto& ne : t.shape) {
        if (!read_u64(ne)) {
            return false;
        }
        if (ne > kMaxNe || (ne != 0 && t.elements > kMaxNe / ne)) {
            return damaged(fmt::format("tensor '{}' has a shape whose size overflows", t.name));
        }
        t.elements *= ne;
    }
    return true;
}

bool HeaderParser::parse_type(TensorInfo& t) {
    std::uint32_t id = 0;
    if (!read_u32(id)) {
        return false;
    }
    const auto type = ggml_type_info(id);
    if (!type) {
        if (removed_type(id)) {
            return error(fmt::format("tensor '{}' uses ggml type {}, which ggml removed", t.name, id),
                         "convert the model again with a current llama.cpp");
        }
        return error(fmt::format("tensor '{}' has unknown ggml type {}", t.name, id),
                     "update canrun; if it is current, the file is damaged");
    }
    t.type = *type;
    const auto row = ggml_row_bytes(t.type, t.shape[0]);
    if (!row) {
        return damaged(fmt::format("tensor '{}' has rows of {} elements, not a multiple of the {} "
                                   "block size {}",
                                   t.name, t.shape[0], t.type.name, t.type.block_elems));
    }
    const std::uint64_t rows = t.shape[0] == 0 ? 0 : t.elements / t.shape[0];
    if (rows != 0 && *row > std::numeric_limits<std::uint64_t>::max() / rows) {
        return damaged(fmt::format("tensor '{}' has a size that overflows", t.name));
    }
    t.bytes = *row * rows;
    return true;
}

bool HeaderParser::finish_layout() {
    section_ = "tensor data";
    const std::uint64_t a = file_.alignment;
    const std::uint64_t end_of_infos = r_.position();
    file_.data_offset = (end_of_infos + a - 1) / a * a;
    if (file_.data_offset > limits_.max_header_bytes) {
        return damaged(fmt::format("header is {} bytes, more than the limit of {} bytes",
                                   file_.data_offset, limits_.max_header_bytes));
    }
    file_.file_bytes = total_;
    if (!check_packed()) {
        return false;
    }
    for (const auto& t : file_.tensors) {
        const std::uint64_t start = file_.data_offset + t.offset;  // offset < 2^64 - header
        const bool wraps = t.offset > std::numeric_limits<std::uint64_t>::max() - file_.data_offset ||
                           t.bytes > std::numeric_limits<std::uint64_t>::max() - start;
        if (wraps || start + t.bytes > total_) {
            return error(fmt::format("file is truncated: the data of tensor '{}' runs past the end of "
                                     "the file ({} bytes)",
                                     t.name, total_),
                         kTruncated);
        }
    }
    return true;
}

// llama.cpp (ggml gguf.cpp, gguf_init_from_file_impl) refuses a file unless each tensor's data
// starts exactly where the one before it ends, padded to the alignment, in the order the tensor
// infos list them: no gaps, no overlaps, no reordering. canrun refuses the same files.
bool HeaderParser::check_packed() {
    const std::uint64_t a = file_.alignment;
    std::uint64_t expected = 0;
    const TensorInfo* before = nullptr;
    for (const auto& t : file_.tensors) {
        if (t.offset < expected) {
            return damaged(fmt::format("the data of tensors '{}' and '{}' overlap (offset {}, the "
                                       "tensor before ends at {})",
                                       before != nullptr ? before->name : t.name, t.name, t.offset,
                                       expected));
        }
        if (t.offset > expected) {
            return damaged(fmt::format("there is a gap of {} bytes before the data of tensor '{}' "
                                       "(offset {}, expected {}), which llama.cpp refuses",
                                       t.offset - expected, t.name, t.offset, expected));
        }
        const std::uint64_t padded = t.bytes > std::numeric_limits<std::uint64_t>::max() - (a - 1)
                                         ? std::numeric_limits<std::uint64_t>::max()
                                         : (t.bytes + a - 1) / a * a;
        if (padded > std::numeric_limits<std::uint64_t>::max() - expected) {
            return damaged(fmt::format("the data of tensor '{}' ends beyond 2^64 bytes", t.name));
        }
        expected += padded;
        before = &t;
    }
    return true;
}

}  // namespace canrun::gguf::detail
