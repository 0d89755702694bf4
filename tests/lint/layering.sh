#!/bin/sh
# Fails if src/core/estimate includes anything but standard headers and estimate/ headers,
# or if gguf/ includes third-party headers.
core="$1"
bad=$(grep -hn '#include' "$core"/estimate/*.h "$core"/estimate/*.cpp 2>/dev/null \
  | grep -v -E '#include <[a-z_]+>' | grep -v -E '#include "(estimate|util/units)[^"]*"')
if [ -n "$bad" ]; then
  echo "estimate/ must stay pure; offending includes:"; echo "$bad"; exit 1
fi
bad=$(grep -hn '#include <' "$core"/gguf/*.h "$core"/gguf/*.cpp 2>/dev/null \
  | grep -v -E '#include <[a-z_]+>' | grep -v -E '#include <(fmt|tl|sys)/|#include <[a-z_]+\.h>')
if [ -n "$bad" ]; then
  echo "gguf/ must not include third-party headers other than fmt/expected:"; echo "$bad"; exit 1
fi
echo "layering ok"
