// Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the slip the counter
// hands a citizen whose complete dossier it has received. It carries the
// dossier code, the unit, the applicant, the request, the documents received,
// the number of sets, the statutory duration, the received and appointment
// times (Vietnam time), where to collect the result, the tracking-book entry,
// the citizen's lookup secret with how to use it (and, when the unit has a
// public lookup page, a QR code that opens it on the dossier), and the two
// signature blocks (docs/domain.md "Rule sets and forms"). It prints on A5.
//
// The appointment printed is the original one, which never changes; when it
// rests on a year with no official holiday schedule the slip says so.
//
// A pure function; safe to call from any thread.
#ifndef MOTCUA_ADAPTERS_LETTERS_RECEIPT_H_
#define MOTCUA_ADAPTERS_LETTERS_RECEIPT_H_

#include <string>
#include <string_view>

#include "adapters/letters/letter.h"
#include "adapters/letters/unit_info.h"
#include "engine/base/status.h"
#include "motcua/v1/dossier.pb.h"

namespace motcua::letters {

inline constexpr std::string_view kReceiptTitle = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";

// What the receipt needs that the Dossier does not carry.
struct ReceiptDetails {
  // From the Received event; with the dossier code it lets the citizen look
  // the dossier up, and nothing else. Required.
  std::string lookup_secret;
  // The statutory duration as printed, normally
  // DurationWords(procedure.duration()) from wording.h. Required.
  std::string duration;
  // The officer at the counter, printed under their signature; may be empty.
  std::string received_by;
  // Where the result is collected; empty means the counter, at the unit's
  // address.
  std::string collect_at;
};

// The link the receipt's QR code carries: the lookup page with the code and
// the secret in the fragment ("#ma=...&k=..."), which a browser never sends
// to a server, so neither lands in an access log or a Referer. Characters
// outside the URL's unreserved set are percent-encoded.
std::string LookupLink(std::string_view lookup_url, std::string_view code,
                       std::string_view secret);

// Fails with kInvalidArgument, naming what is missing, when the dossier has
// no code, no received_at or no appointment, or when lookup_secret or
// duration is empty: a slip without any of them would mislead the citizen.
Result<Letter> BuildReceipt(const v1::Dossier& dossier, const UnitInfo& unit,
                            const ReceiptDetails& details);

}  // namespace motcua::letters

#endif  // MOTCUA_ADAPTERS_LETTERS_RECEIPT_H_
