// Result<T>: a value, or an Error saying what went wrong with the input or the environment.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace canrun {

// Exit codes of the public contract (design.md §5).
enum class ExitCode : int {
    Ok = 0,
    DoesNotFit = 1,
    Usage = 2,
    BadInput = 3,
    Internal = 70,
};

struct Error {
    ExitCode code = ExitCode::BadInput;
    std::string message;  // one line, names the file or the value and what to do
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message, ExitCode code = ExitCode::BadInput) {
    return tl::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace canrun
