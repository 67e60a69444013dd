// The form names are compared in when an officer searches: lower case, the
// Vietnamese (and other Latin) letters without their marks, "đ" as "d", so
// "nguyen thi" finds "Nguyễn Thị" and "dang" finds "Đặng". Both the stored
// side (the dossier_search projection) and the query (GET /v1/dossiers?q=)
// fold with it, so they cannot disagree. (The desk's procedure picker folds
// catalog names in the browser, a list it already holds.)
//
// Pure functions; safe from any thread.
#ifndef MOTCUA_ADAPTERS_TEXT_SEARCH_FOLD_H_
#define MOTCUA_ADAPTERS_TEXT_SEARCH_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace motcua::text {

// `text` folded: ASCII letters lower-cased, Latin letters with marks
// (precomposed, or followed by combining marks as in NFD input) reduced to
// their base letter, every run of anything else that is not a letter or a
// digit made one space, no space at either end. Other letters (CJK, …) are
// kept as they are; malformed UTF-8 becomes a space.
std::string FoldForSearch(std::string_view text);

// The words of FoldForSearch(text).
std::vector<std::string> SearchWords(std::string_view text);

// The digits of `text` in order ("0912 345 678" → "0912345678"): how phone
// numbers are stored and matched.
std::string DigitsOf(std::string_view text);

}  // namespace motcua::text

#endif  // MOTCUA_ADAPTERS_TEXT_SEARCH_FOLD_H_
