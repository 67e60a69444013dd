// Asio's (its SSL stream's included) and Beast's compiled parts, built once for the whole project (as
// Beast's own tests do in test/lib_asio.cpp and test/lib_beast.cpp) instead
// of in every file that includes them.
// <utility> must come first (see asio.h): keep clang-format from sorting it.
// clang-format off
#include <utility>

#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
// clang-format on
