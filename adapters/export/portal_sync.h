// The national portal's sync format for a period (docs/domain.md "The
// national portal's sync format"): every dossier with at least one event in
// the period, as it stood at the period's end, with its whole history up to
// then. A receiver can take the same batch any number of times (a dossier's
// record replaces the previous one).
//
// Field names are the portal's (stats.proto, PortalDossier). For the items
// inside the lists, whose names motcua has no source for, it uses:
// QuaTrinhXuLy {ThoiDiemXuLy, NguoiXuLy, PhongBanXuLy, NoiDungXuLy,
// TrangThai}; TaiLieuNop {TenGiayTo, SoLuong, DuocSoHoa, DuocTaiSuDung,
// DuocLayTuKhoDMQG}; DanhSachHoSoBoSung {NgayYeuCauBoSung, NgayBoSung,
// NoiDungYeuCauBoSung, NgayHenTraTruoc, NgayHenTraMoi}; DanhSachGiayToKetQua
// {TenGiayTo, LoaiKetQua, SoKyHieu}; DanhSachLePhi {TenPhiLePhi, SoTien,
// HinhThucThanhToan, NgayThanhToan}.
// NgayHenTra is the appointment statistics count against (supplementation
// pauses move it, an apology does not). motcua records that a document was
// reused, not from where, so DuocLayTuKhoDMQG is always 0.
//
// Reads the log twice (which dossiers, then their events); holds only the
// dossiers of the period. Not thread-safe with respect to the log.
#ifndef MOTCUA_ADAPTERS_EXPORT_PORTAL_SYNC_H_
#define MOTCUA_ADAPTERS_EXPORT_PORTAL_SYNC_H_

#include <string>

#include "adapters/metrics/fact_sources.h"
#include "adapters/metrics/period.h"
#include "engine/base/status.h"
#include "engine/catalog/catalog.h"
#include "engine/ports/event_log.h"
#include "motcua/v1/stats.pb.h"

namespace motcua::exporter {

// yyyyMMddHHmmss in Vietnam time; "" for 0 (not happened).
std::string PortalTime(std::int64_t utc_seconds);

Result<v1::PortalSyncBatch> BuildPortalSync(const metrics::EventReader& read_all,
                                            const catalog::Catalog& catalog,
                                            const metrics::Period& period,
                                            const std::string& unit_code);
Result<v1::PortalSyncBatch> BuildPortalSync(EventLog& log, const catalog::Catalog& catalog,
                                            const metrics::Period& period,
                                            const std::string& unit_code);

}  // namespace motcua::exporter

#endif  // MOTCUA_ADAPTERS_EXPORT_PORTAL_SYNC_H_
