<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Adjudication</name>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Độ đồng thuận</translation>
    </message>
    <message>
        <source>Comparing annotators…</source>
        <translation>Đang so sánh những người gán nhãn…</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>Độ đồng &amp;thuận…</translation>
    </message>
    <message>
        <source>How far the annotators agree: span F1, kappa, alpha (Ctrl+Shift+K)</source>
        <translation>Mức độ đồng thuận giữa những người gán nhãn: F1 theo đoạn, kappa, alpha (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>A&amp;djudicate…</source>
        <translation>&amp;Phân xử…</translation>
    </message>
    <message>
        <source>Settle where annotators differ, into the gold layer (Ctrl+Shift+D)</source>
        <translation>Phân xử những chỗ người gán nhãn khác nhau, đưa vào lớp chuẩn (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Merge &amp;conflicts…</source>
        <translation>&amp;Xung đột khi hợp nhất…</translation>
    </message>
    <message>
        <source>Rows two people changed differently, kept by merges for you to settle</source>
        <translation>Những dòng hai người sửa khác nhau, được giữ lại khi hợp nhất để bạn giải quyết</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <source>Adjudicate</source>
        <translation>Phân xử</translation>
    </message>
    <message>
        <source>◀ Document</source>
        <translation>◀ Tài liệu</translation>
    </message>
    <message>
        <source>Document ▶</source>
        <translation>Tài liệu ▶</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Tài liệu:</translation>
    </message>
    <message>
        <source>Gold (adjudicated)</source>
        <translation>Chuẩn (đã phân xử)</translation>
    </message>
    <message>
        <source>No document has the work of two annotators yet.</source>
        <translation>Chưa có tài liệu nào được hai người gán nhãn.</translation>
    </message>
    <message>
        <source>Document {doc}: the annotators agree everywhere.</source>
        <translation>Tài liệu {doc}: những người gán nhãn thống nhất ở mọi chỗ.</translation>
    </message>
    <message>
        <source>Disagreement {k} of {n} ({settled} settled). Keys: 1–{m} take that annotator&apos;s version, 0 none, Return next, Shift+Return previous, Ctrl+Z undo.</source>
        <translation>Chỗ khác nhau {k}/{n} ({settled} đã giải quyết). Phím: 1–{m} lấy phiên bản của người gán nhãn đó, 0 không lấy gì, Return chỗ tiếp theo, Shift+Return chỗ trước, Ctrl+Z hoàn tác.</translation>
    </message>
    <message>
        <source>Take {who}&apos;s version</source>
        <translation>Lấy phiên bản của {who}</translation>
    </message>
    <message>
        <source>Take no span</source>
        <translation>Không lấy đoạn nào</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <translation>Độ đồng thuận</translation>
    </message>
    <message>
        <source>Comparing annotators…</source>
        <translation>Đang so sánh những người gán nhãn…</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Nhãn</translation>
    </message>
    <message>
        <source>&amp;Pairs</source>
        <translation>&amp;Cặp</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Tài liệu</translation>
    </message>
    <message>
        <source>Exact F1: same start, end and label. Partial: overlapping, same label. Kappa (Cohen, per pair) and alpha (Krippendorff, nominal, all annotators) compare the label of every token. Choose a label to see its pairs; open a document to adjudicate it.</source>
        <translation>F1 khớp đúng: cùng điểm đầu, điểm cuối và nhãn. Một phần: chồng lấn nhau, cùng nhãn. Kappa (Cohen, theo từng cặp) và alpha (Krippendorff, định danh, mọi người gán nhãn) so sánh nhãn của từng token. Chọn một nhãn để xem các cặp của nhãn đó; mở một tài liệu để phân xử.</translation>
    </message>
    <message>
        <source>No document has the work of two annotators yet.</source>
        <translation>Chưa có tài liệu nào được hai người gán nhãn.</translation>
    </message>
    <message>
        <source>{docs} document(s), annotators {who}. Overall: alpha {alpha}, mean kappa {kappa}, mean exact F1 {exact}, mean partial F1 {partial}.</source>
        <translation>{docs} tài liệu, người gán nhãn: {who}. Tổng thể: alpha {alpha}, kappa trung bình {kappa}, F1 khớp đúng trung bình {exact}, F1 một phần trung bình {partial}.</translation>
    </message>
    <message>
        <source>&amp;Pairs ({label})</source>
        <translation>&amp;Cặp ({label})</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Cannot open the project</source>
        <translation>Không mở được dự án</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <source>e.g. 88.8</source>
        <translation>ví dụ 88.8</translation>
    </message>
    <message>
        <source>e.g. 2020-08-04, 2020-08, XXXX-09</source>
        <translation>ví dụ 2020-08-04, 2020-08, XXXX-09</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>một số nguyên</translation>
    </message>
    <message>
        <source>A decimal with &apos;.&apos; and no grouping, e.g. 88.8 or 4500000</source>
        <translation>Số thập phân dùng dấu &apos;.&apos; và không tách nhóm, ví dụ 88.8 hoặc 4500000</translation>
    </message>
    <message>
        <source>An ISO date: 2020-08-04, a month 2020-08, XXXX-09 when the year is unknown, or a range of days 2020-08-01/2020-08-05</source>
        <translation>Ngày theo ISO: 2020-08-04, tháng 2020-08, XXXX-09 khi không rõ năm, hoặc một khoảng ngày 2020-08-01/2020-08-05</translation>
    </message>
    <message>
        <source>A whole number</source>
        <translation>Một số nguyên</translation>
    </message>
    <message>
        <source>One of: {choices}</source>
        <translation>Một trong: {choices}</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Thuộc tính</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Accept this suggestion (A)</source>
        <translation>Chấp nhận gợi ý này (A)</translation>
    </message>
    <message>
        <source>Reject this suggestion (R)</source>
        <translation>Từ chối gợi ý này (R)</translation>
    </message>
    <message>
        <source>Select a span to see and edit its attributes.</source>
        <translation>Chọn một đoạn để xem và sửa thuộc tính của nó.</translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>ký tự {start}–{end}</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>bởi {name}</translation>
    </message>
    <message>
        <source>Entity: {name}</source>
        <translation>Thực thể: {name}</translation>
    </message>
    <message>
        <source>This label has no attributes.</source>
        <translation>Nhãn này không có thuộc tính.</translation>
    </message>
</context>
<context>
    <name>BulkWork</name>
    <message>
        <source>Importing {n} file(s)…</source>
        <translation>Đang nhập {n} tệp…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Imported {new} new document(s), {old} already present; {spans} span(s).</source>
        <translation>Đã nhập {new} tài liệu mới, {old} tài liệu đã có; {spans} đoạn.</translation>
    </message>
    <message>
        <source>Skipped {n} bad record(s).</source>
        <translation>Đã bỏ qua {n} bản ghi lỗi.</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>Đang xuất ra {path}…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Wrote {docs} document(s), {spans} span(s) in {parts} parts to {path}</source>
        <translation>Đã ghi {docs} tài liệu, {spans} đoạn thành {parts} phần vào {path}</translation>
    </message>
    <message>
        <source>Wrote {docs} document(s), {spans} span(s) to {path}</source>
        <translation>Đã ghi {docs} tài liệu, {spans} đoạn vào {path}</translation>
    </message>
    <message>
        <source>{n} span(s) could not be written in this format.</source>
        <translation>{n} đoạn không thể ghi bằng định dạng này.</translation>
    </message>
    <message>
        <source>Merge other copies</source>
        <translation>Hợp nhất các bản sao khác</translation>
    </message>
    <message>
        <source>Annotator projects (*.annotator project.db);;All files (*)</source>
        <translation>Dự án Annotator (*.annotator project.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Merging {n} copy(ies)…</source>
        <translation>Đang hợp nhất {n} bản sao…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Hợp nhất</translation>
    </message>
    <message>
        <source>Nothing new to merge.</source>
        <translation>Không có gì mới để hợp nhất.</translation>
    </message>
    <message>
        <source>Merged: {docs} new document(s), {spans} new span(s), {updated} updated.</source>
        <translation>Đã hợp nhất: {docs} tài liệu mới, {spans} đoạn mới, {updated} đoạn được cập nhật.</translation>
    </message>
    <message>
        <source>{n} conflict(s) were kept for a person to settle.</source>
        <translation>Giữ lại {n} xung đột để người dùng giải quyết.</translation>
    </message>
    <message>
        <source>Suggest figures</source>
        <translation>Gợi ý số liệu</translation>
    </message>
    <message>
        <source>Looking for figures…</source>
        <translation>Đang tìm số liệu…</translation>
    </message>
    <message numerus="yes">
        <source>Suggest %n figure(s)</source>
        <translation>
            <numerusform>Gợi ý %n số liệu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) suggested: A accepts, R rejects, Shift+A accepts all.</source>
        <translation>
            <numerusform>Đã gợi ý %n số liệu: A để chấp nhận, R để từ chối, Shift+A để chấp nhận tất cả.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimLinker</name>
    <message>
        <source>&amp;Link from this claim</source>
        <translation>&amp;Liên kết từ nhận định này</translation>
    </message>
    <message>
        <source>Link from the selected claim: select figures or entities, Enter links each, Esc stops (Ctrl+L)</source>
        <translation>Liên kết từ nhận định đã chọn: chọn số liệu hoặc thực thể, Enter liên kết từng cái, Esc để dừng (Ctrl+L)</translation>
    </message>
    <message>
        <source>Link the selected &amp;figure or entity</source>
        <translation>Liên kết &amp;số liệu hoặc thực thể đã chọn</translation>
    </message>
    <message>
        <source>Link the selected entity as &amp;claimant</source>
        <translation>Liên kết thực thể đã chọn làm &amp;người phát ngôn</translation>
    </message>
    <message>
        <source>&amp;Stop linking</source>
        <translation>&amp;Dừng liên kết</translation>
    </message>
    <message>
        <source>Select a claim first, then press Ctrl+L to link from it.</source>
        <translation>Hãy chọn một nhận định trước, rồi nhấn Ctrl+L để liên kết từ nó.</translation>
    </message>
    <message>
        <source>Linking from the claim “{text}”: select a figure or an entity, Enter links it, Shift+Enter as the claimant; Esc stops.</source>
        <translation>Đang liên kết từ nhận định «{text}»: chọn một số liệu hoặc thực thể, Enter để liên kết, Shift+Enter để làm người phát ngôn; Esc để dừng.</translation>
    </message>
    <message>
        <source>Stopped linking.</source>
        <translation>Đã dừng liên kết.</translation>
    </message>
    <message>
        <source>Select a figure or an entity to link to the claim.</source>
        <translation>Hãy chọn một số liệu hoặc thực thể để liên kết với nhận định.</translation>
    </message>
    <message>
        <source>Only an entity can be the claimant.</source>
        <translation>Chỉ một thực thể mới có thể là người phát ngôn.</translation>
    </message>
    <message>
        <source>Only a figure or an entity can be linked to a claim.</source>
        <translation>Chỉ số liệu hoặc thực thể mới liên kết được với nhận định.</translation>
    </message>
    <message>
        <source>Link {label} to the claim as {role}</source>
        <translation>Liên kết {label} với nhận định với vai trò {role}</translation>
    </message>
    <message>
        <source>Linked {label} as {role}.</source>
        <translation>Đã liên kết {label} với vai trò {role}.</translation>
    </message>
    <message>
        <source>Remove link from the claim</source>
        <translation>Bỏ liên kết khỏi nhận định</translation>
    </message>
</context>
<context>
    <name>ClaimLinks</name>
    <message>
        <source>figure</source>
        <translation>số liệu</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>thực thể</translation>
    </message>
    <message>
        <source>claimant</source>
        <translation>người phát ngôn</translation>
    </message>
</context>
<context>
    <name>ClaimQueueModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Nhận định</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Check-worthiness</source>
        <translation>Mức đáng kiểm chứng</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Người gán nhãn</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
</context>
<context>
    <name>ClustersDialog</name>
    <message>
        <source>Name variants</source>
        <translation>Biến thể tên</translation>
    </message>
    <message>
        <source>Cluster / spelling</source>
        <translation>Cụm / cách viết</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Lần nhắc</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Proposed clusters</source>
        <translation>Các cụm được đề xuất</translation>
    </message>
    <message>
        <source>&amp;Make one entity</source>
        <translation>&amp;Gộp thành một thực thể</translation>
    </message>
    <message>
        <source>&amp;Tag untagged places…</source>
        <translation>Gán nhãn các chỗ &amp;chưa gán…</translation>
    </message>
    <message>
        <source>one entity</source>
        <translation>một thực thể</translation>
    </message>
    <message>
        <source>{n} unlinked</source>
        <translation>{n} chưa liên kết</translation>
    </message>
    <message>
        <source>Make one entity of {name}</source>
        <translation>Gộp thành một thực thể {name}</translation>
    </message>
    <message>
        <source>No untagged place looks like {name}.</source>
        <translation>Không có chỗ chưa gán nhãn nào giống {name}.</translation>
    </message>
    <message>
        <source>Suggest {n} mention(s) of {name}</source>
        <translation>Gợi ý {n} lần nhắc đến {name}</translation>
    </message>
    <message>
        <source>Suggested {n} mention(s) of {name}.</source>
        <translation>Đã gợi ý {n} lần nhắc đến {name}.</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Merge conflicts</source>
        <translation>Xung đột khi hợp nhất</translation>
    </message>
    <message>
        <source>Keep this version</source>
        <translation>Giữ phiên bản này</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Phiên bản:</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide claim {id}</source>
        <translation>Kết luận nhận định {id}</translation>
    </message>
    <message>
        <source>The rating readers see (default: the verdict)</source>
        <translation>Đánh giá mà độc giả thấy (mặc định: kết luận)</translation>
    </message>
    <message>
        <source>One source a line: URL | publisher | stance | quote
stance: supports, refutes, mixed or context</source>
        <translation>Mỗi dòng một nguồn: URL | đơn vị đăng | lập trường | trích dẫn
lập trường: supports (ủng hộ), refutes (bác bỏ), mixed (trái chiều) hoặc context (bối cảnh)</translation>
    </message>
    <message>
        <source>&amp;Verdict:</source>
        <translation>&amp;Kết luận:</translation>
    </message>
    <message>
        <source>Rating &amp;text:</source>
        <translation>Lời đánh &amp;giá:</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>&amp;Lập luận:</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Bằng chứng:</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Decide (Ctrl+Return)</source>
        <translation>Kết luận (Ctrl+Return)</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Chuẩn</translation>
    </message>
    <message>
        <source>(no span)</source>
        <translation>(không có đoạn)</translation>
    </message>
    <message>
        <source>Press {key} to take this version</source>
        <translation>Nhấn {key} để lấy phiên bản này</translation>
    </message>
</context>
<context>
    <name>DocListModel</name>
    <message>
        <source>Document {id} · {status} · {spans} spans · {length} characters</source>
        <translation>Tài liệu {id} · {status} · {spans} đoạn · {length} ký tự</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Document number (import order)</source>
        <translation>Số tài liệu (thứ tự nhập)</translation>
    </message>
    <message>
        <source>Work status</source>
        <translation>Tình trạng công việc</translation>
    </message>
    <message>
        <source>Spans, not counting rejected suggestions</source>
        <translation>Số đoạn, không tính gợi ý bị từ chối</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>Đã gán nhãn</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Filter by title or number</source>
        <translation>Lọc theo tiêu đề hoặc số</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Lọc tài liệu</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Lọc theo trạng thái</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Chưa xong</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>Đã gán nhãn</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
</context>
<context>
    <name>DocumentModel</name>
    <message>
        <source>Id</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Annotators</source>
        <translation>Người gán nhãn</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 khớp đúng</translation>
    </message>
    <message>
        <source>Partial F1</source>
        <translation>F1 một phần</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>Filter by name or alias…</source>
        <translation>Lọc theo tên, tên khác…</translation>
    </message>
    <message>
        <source>Filter entities</source>
        <translation>Lọc thực thể</translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation>Loại thực thể</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Thực thể</translation>
    </message>
    <message>
        <source>Mentions of the entity</source>
        <translation>Các lần nhắc đến thực thể</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Đổi &amp;tên…</translation>
    </message>
    <message>
        <source>Rename the entity (the old name stays as an alias)</source>
        <translation>Đổi tên thực thể (tên cũ được giữ làm tên gọi khác)</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Gộp…</translation>
    </message>
    <message>
        <source>Merge the selected entities into one</source>
        <translation>Gộp các thực thể đã chọn thành một</translation>
    </message>
    <message>
        <source>&amp;Split off…</source>
        <translation>Tá&amp;ch ra…</translation>
    </message>
    <message>
        <source>Move the selected mentions to a new entity</source>
        <translation>Chuyển các lần nhắc đã chọn sang một thực thể mới</translation>
    </message>
    <message>
        <source>&amp;Delete entity</source>
        <translation>&amp;Xoá thực thể</translation>
    </message>
    <message>
        <source>Delete the entity (its mentions stay, unlinked)</source>
        <translation>Xoá thực thể (các lần nhắc vẫn còn, không còn liên kết)</translation>
    </message>
    <message>
        <source>Name &amp;variants…</source>
        <translation>&amp;Biến thể tên…</translation>
    </message>
    <message>
        <source>Propose clusters of mentions that spell one name differently</source>
        <translation>Đề xuất các cụm lần nhắc viết cùng một tên theo những cách khác nhau</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Lần nhắc</translation>
    </message>
    <message>
        <source>{n} mention(s) of {name}</source>
        <translation>{n} lần nhắc đến {name}</translation>
    </message>
    <message>
        <source>Rename entity to {name}</source>
        <translation>Đổi tên thực thể thành {name}</translation>
    </message>
    <message>
        <source>Merge {n} entities into {name}</source>
        <translation>Gộp {n} thực thể vào {name}</translation>
    </message>
    <message>
        <source>Split {n} mention(s) off into {name}</source>
        <translation>Tách {n} lần nhắc sang {name}</translation>
    </message>
    <message>
        <source>Delete {n} entit(ies)</source>
        <translation>Xoá {n} thực thể</translation>
    </message>
    <message>
        <source>Select an entity mention first.</source>
        <translation>Hãy chọn một lần nhắc đến thực thể trước.</translation>
    </message>
    <message>
        <source>Link «{text}» to new entity {name}</source>
        <translation>Liên kết «{text}» với thực thể mới {name}</translation>
    </message>
    <message>
        <source>Link «{text}» to {name}</source>
        <translation>Liên kết «{text}» với {name}</translation>
    </message>
    <message>
        <source>Select an entity or figure span first.</source>
        <translation>Hãy chọn một đoạn thực thể hoặc số liệu trước.</translation>
    </message>
    <message>
        <source>Tag {n} occurrence(s) of «{text}»</source>
        <translation>Gán nhãn {n} chỗ xuất hiện của «{text}»</translation>
    </message>
    <message>
        <source>Tagged {n} more occurrence(s) of «{text}».</source>
        <translation>Đã gán nhãn thêm {n} chỗ xuất hiện của «{text}».</translation>
    </message>
    <message>
        <source>&amp;Entities</source>
        <translation>&amp;Thực thể</translation>
    </message>
    <message>
        <source>&amp;Link to entity…</source>
        <translation>&amp;Liên kết với thực thể…</translation>
    </message>
    <message>
        <source>Link the selected mention to an entity, with suggestions (Ctrl+Shift+L)</source>
        <translation>Liên kết lần nhắc đã chọn với một thực thể, có gợi ý (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Tag all &amp;occurrences…</source>
        <translation>Gán nhãn mọi chỗ xuất &amp;hiện…</translation>
    </message>
    <message>
        <source>Tag every other occurrence of the selected span&apos;s text (Ctrl+Shift+T)</source>
        <translation>Gán nhãn mọi chỗ khác có cùng văn bản với đoạn đã chọn (Ctrl+Shift+T)</translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Also written</source>
        <translation>Cách viết khác</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Lần nhắc</translation>
    </message>
    <message>
        <source>Also written: {names}</source>
        <translation>Cách viết khác: {names}</translation>
    </message>
    <message>
        <source>{accepted} accepted, {suggested} suggested mention(s)</source>
        <translation>{accepted} lần nhắc đã chấp nhận, {suggested} lần nhắc gợi ý</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>claims for the editors&apos; review</source>
        <translation>nhận định để biên tập viên duyệt</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Ghi vào</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Thực thể</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Nhận định</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Include suggested spans (default: accepted only)</source>
        <translation>Kèm các đoạn gợi ý (mặc định: chỉ đoạn đã chấp nhận)</translation>
    </message>
    <message>
        <source>Documents with status</source>
        <translation>Tài liệu có trạng thái</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <source>Annotated</source>
        <translation>Đã gán nhãn</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Gold layer where adjudicated, else all accepted spans</source>
        <translation>Lớp chuẩn nơi đã phân xử, nếu không thì mọi đoạn đã chấp nhận</translation>
    </message>
    <message>
        <source>Only the adjudicated gold layer</source>
        <translation>Chỉ lớp chuẩn đã phân xử</translation>
    </message>
    <message>
        <source>Every annotator&apos;s spans</source>
        <translation>Đoạn của mọi người gán nhãn</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Words and punctuation (default)</source>
        <translation>Từ và dấu câu (mặc định)</translation>
    </message>
    <message>
        <source>Vietnamese syllables</source>
        <translation>Âm tiết tiếng Việt</translation>
    </message>
    <message>
        <source>Vietnamese words (shipped word list)</source>
        <translation>Từ tiếng Việt (danh sách từ kèm theo)</translation>
    </message>
    <message>
        <source>Vietnamese words (pyvi)</source>
        <translation>Từ tiếng Việt (pyvi)</translation>
    </message>
    <message>
        <source>spaCy&apos;s Vietnamese tokenizer</source>
        <translation>Bộ tách token tiếng Việt của spaCy</translation>
    </message>
    <message>
        <source>spaCy&apos;s English tokenizer</source>
        <translation>Bộ tách token tiếng Anh của spaCy</translation>
    </message>
    <message>
        <source>Tag columns</source>
        <translation>Số cột nhãn</translation>
    </message>
    <message>
        <source>Nested spans need more than one tag column; extra columns come before the main one</source>
        <translation>Đoạn lồng nhau cần nhiều hơn một cột nhãn; các cột thêm đứng trước cột chính</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Characters (Label Studio 1.4 and later)</source>
        <translation>Ký tự (Label Studio 1.4 trở lên)</translation>
    </message>
    <message>
        <source>UTF-16 units (older Label Studio)</source>
        <translation>Đơn vị UTF-16 (Label Studio cũ)</translation>
    </message>
    <message>
        <source>Split by document into train / dev / test</source>
        <translation>Chia theo tài liệu thành train / dev / test</translation>
    </message>
    <message>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>dev</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>hạt giống</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Ghi vào:</translation>
    </message>
    <message>
        <source>Spans from:</source>
        <translation>Lấy đoạn từ:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Tag columns:</source>
        <translation>Số cột nhãn:</translation>
    </message>
    <message>
        <source>Offsets:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Nhãn:</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Xuất ra thư mục</translation>
    </message>
    <message>
        <source>Export to file</source>
        <translation>Xuất ra tệp</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Tìm trong tài liệu</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Kết quả trước (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Kết quả sau (Enter, F3)</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Đóng (Escape)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
</context>
<context>
    <name>HitListModel</name>
    <message>
        <source>Document</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Khớp</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import documents</source>
        <translation>Nhập tài liệu</translation>
    </message>
    <message>
        <source>Files and folders to import</source>
        <translation>Tệp và thư mục cần nhập</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Guess from each file</source>
        <translation>Đoán theo từng tệp</translation>
    </message>
    <message>
        <source>Skip bad records and list them (otherwise nothing is imported)</source>
        <translation>Bỏ qua và liệt kê bản ghi lỗi (nếu không, sẽ không nhập gì)</translation>
    </message>
    <message>
        <source>Import the files&apos; spans as suggestions to accept or reject</source>
        <translation>Nhập các đoạn trong tệp làm gợi ý để chấp nhận hoặc từ chối</translation>
    </message>
    <message>
        <source>Add labels the schema does not have</source>
        <translation>Thêm các nhãn mà lược đồ chưa có</translation>
    </message>
    <message>
        <source>All or nothing: an import that fails or is cancelled leaves the project as it was.</source>
        <translation>Tất cả hoặc không gì cả: lần nhập lỗi hoặc bị huỷ sẽ để dự án như cũ.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>Tệp cần nhập</translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.html *.htm *.docx *.jsonl *.json *.ndjson *.conll *.iob *.bio *.ann *.spacy);;All files (*)</source>
        <translation>Tài liệu (*.txt *.md *.html *.htm *.docx *.jsonl *.json *.ndjson *.conll *.iob *.bio *.ann *.spacy);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>Thư mục cần nhập</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
</context>
<context>
    <name>LabelButton</name>
    <message>
        <source>Key: {key} (tags the selection, or changes the selected span&apos;s label)</source>
        <translation>Phím: {key} (gán nhãn vùng chọn, hoặc đổi nhãn của đoạn đang chọn)</translation>
    </message>
</context>
<context>
    <name>LabelModel</name>
    <message>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 khớp đúng</translation>
    </message>
    <message>
        <source>Partial F1</source>
        <translation>F1 một phần</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>(all labels)</source>
        <translation>(mọi nhãn)</translation>
    </message>
</context>
<context>
    <name>LinkChooser</name>
    <message>
        <source>Add link to the claim</source>
        <translation>Thêm liên kết cho nhận định</translation>
    </message>
    <message>
        <source>Figures and entities of this document</source>
        <translation>Số liệu và thực thể của văn bản này</translation>
    </message>
    <message>
        <source>in the claim</source>
        <translation>trong nhận định</translation>
    </message>
    <message>
        <source>elsewhere</source>
        <translation>ở chỗ khác</translation>
    </message>
    <message>
        <source>Figure or entity (by its layer)</source>
        <translation>Số liệu hoặc thực thể (theo lớp của nó)</translation>
    </message>
    <message>
        <source>Claimant (an entity)</source>
        <translation>Người phát ngôn (một thực thể)</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
</context>
<context>
    <name>LinkEntityDialog</name>
    <message>
        <source>Link mention to entity</source>
        <translation>Liên kết lần nhắc với thực thể</translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation>Tên thực thể</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Nhập tên…</translation>
    </message>
    <message>
        <source>Entities of any type</source>
        <translation>Thực thể thuộc mọi loại</translation>
    </message>
    <message>
        <source>Suggested entities</source>
        <translation>Thực thể được gợi ý</translation>
    </message>
    <message>
        <source>&amp;New entity</source>
        <translation>Thực thể &amp;mới</translation>
    </message>
    <message>
        <source>Create an entity with the typed name and link the mention to it</source>
        <translation>Tạo thực thể với tên đã nhập và liên kết lần nhắc với thực thể đó</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Mention: «{text}» ({label})</source>
        <translation>Lần nhắc: «{text}» ({label})</translation>
    </message>
    <message>
        <source> — as «{alias}»</source>
        <translation> — dưới tên «{alias}»</translation>
    </message>
    <message>
        <source>Match: {how}, score {score:.2f}</source>
        <translation>Khớp: {how}, điểm {score:.2f}</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Links</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Links of the claim</source>
        <translation>Các liên kết của nhận định</translation>
    </message>
    <message>
        <source>Add link…</source>
        <translation>Thêm liên kết…</translation>
    </message>
    <message>
        <source>Link a figure or an entity of this document to the claim</source>
        <translation>Liên kết một số liệu hoặc thực thể của văn bản này với nhận định</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Remove the chosen link (Delete)</source>
        <translation>Bỏ liên kết đã chọn (Delete)</translation>
    </message>
    <message>
        <source>Links ({n})</source>
        <translation>Liên kết ({n})</translation>
    </message>
</context>
<context>
    <name>LinksView</name>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;khi mở&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Mở dự án…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập…</translation>
    </message>
    <message>
        <source>Import documents (or drop files on the window)</source>
        <translation>Nhập tài liệu (hoặc thả tệp vào cửa sổ)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Hợp nhất…</translation>
    </message>
    <message>
        <source>Bring in the work of other copies of this project</source>
        <translation>Đưa vào công việc từ các bản sao khác của dự án này</translation>
    </message>
    <message>
        <source>Switch &amp;person…</source>
        <translation>Đổi người &amp;làm…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>&amp;Tìm trong tài liệu…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Tìm tiế&amp;p</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Tìm &amp;ngược lại</translation>
    </message>
    <message>
        <source>&amp;Search project…</source>
        <translation>Tìm trong &amp;dự án…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Thu nhỏ</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>&amp;Cỡ bình thường</translation>
    </message>
    <message>
        <source>&amp;Character precision</source>
        <translation>Chính xác từng &amp;ký tự</translation>
    </message>
    <message>
        <source>Select single characters instead of whole words</source>
        <translation>Chọn từng ký tự thay vì cả từ</translation>
    </message>
    <message>
        <source>Go to the &amp;document list</source>
        <translation>Đến &amp;danh sách tài liệu</translation>
    </message>
    <message>
        <source>Go to the &amp;article</source>
        <translation>Đến bài &amp;viết</translation>
    </message>
    <message>
        <source>Go to the &amp;span list</source>
        <translation>Đến danh sách đ&amp;oạn</translation>
    </message>
    <message>
        <source>Mark &amp;new</source>
        <translation>Đánh dấu &amp;mới</translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation>Đánh dấu đang &amp;làm</translation>
    </message>
    <message>
        <source>Mark &amp;annotated</source>
        <translation>Đánh dấu đã &amp;gán nhãn</translation>
    </message>
    <message>
        <source>Mark &amp;reviewed</source>
        <translation>Đánh dấu đã &amp;duyệt</translation>
    </message>
    <message>
        <source>Next &amp;unfinished document</source>
        <translation>Tài liệu &amp;chưa xong tiếp theo</translation>
    </message>
    <message>
        <source>Ne&amp;xt document</source>
        <translation>Tài liệu &amp;sau</translation>
    </message>
    <message>
        <source>P&amp;revious document</source>
        <translation>Tài liệu t&amp;rước</translation>
    </message>
    <message>
        <source>Suggest &amp;figures</source>
        <translation>&amp;Gợi ý số liệu</translation>
    </message>
    <message>
        <source>Propose the figures of this document as suggestions to accept or reject</source>
        <translation>Đề xuất các số liệu của tài liệu này làm gợi ý để chấp nhận hoặc từ chối</translation>
    </message>
    <message>
        <source>Suggest figures in &amp;every document</source>
        <translation>Gợi ý số liệu trong mọi tài &amp;liệu</translation>
    </message>
    <message>
        <source>Figure suggestions are not installed in this version</source>
        <translation>Phiên bản này chưa có gợi ý số liệu</translation>
    </message>
    <message>
        <source>&amp;Next span</source>
        <translation>Đoạn &amp;sau</translation>
    </message>
    <message>
        <source>&amp;Previous span</source>
        <translation>Đoạn t&amp;rước</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>&amp;Xoá đoạn</translation>
    </message>
    <message>
        <source>Extend start (one word left)</source>
        <translation>Mở rộng đầu (sang trái một từ)</translation>
    </message>
    <message>
        <source>Shrink start (one word right)</source>
        <translation>Thu hẹp đầu (sang phải một từ)</translation>
    </message>
    <message>
        <source>Shrink end (one word left)</source>
        <translation>Thu hẹp cuối (sang trái một từ)</translation>
    </message>
    <message>
        <source>Extend end (one word right)</source>
        <translation>Mở rộng cuối (sang phải một từ)</translation>
    </message>
    <message>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;Chấp nhận gợi ý</translation>
    </message>
    <message>
        <source>&amp;Reject suggestion</source>
        <translation>&amp;Từ chối gợi ý</translation>
    </message>
    <message>
        <source>Accept &amp;all suggestions in this document</source>
        <translation>Chấp nhận &amp;mọi gợi ý trong tài liệu này</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Bỏ chọn</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>&amp;Giới thiệu Annotator</translation>
    </message>
    <message>
        <source>Tag as {label}</source>
        <translation>Gán nhãn {label}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Recent projects</source>
        <translation>Dự án &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Giao diện</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Theo &amp;hệ thống</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Sáng</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Tối</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bảng</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Lịch sử</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>Tài &amp;liệu</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Trạng thái</translation>
    </message>
    <message>
        <source>&amp;Span</source>
        <translation>Đ&amp;oạn</translation>
    </message>
    <message>
        <source>&amp;Tag as</source>
        <translation>&amp;Gán nhãn</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>Who is working (File → Switch person…)</source>
        <translation>Người đang làm (Tệp → Đổi người làm…)</translation>
    </message>
    <message>
        <source>No documents yet: File → Import…, or drop files here.</source>
        <translation>Chưa có tài liệu: Tệp → Nhập…, hoặc thả tệp vào đây.</translation>
    </message>
    <message>
        <source>Every document is annotated.</source>
        <translation>Mọi tài liệu đã được gán nhãn.</translation>
    </message>
    <message>
        <source>Mark document {status}</source>
        <translation>Đánh dấu tài liệu: {status}</translation>
    </message>
    <message>
        <source>Wait until the background job has finished.</source>
        <translation>Hãy đợi công việc nền chạy xong.</translation>
    </message>
    <message>
        <source>Edit attributes of {label}</source>
        <translation>Sửa thuộc tính của {label}</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Không có tài liệu</translation>
    </message>
    <message>
        <source>Document {n} of {total}</source>
        <translation>Tài liệu {n}/{total}</translation>
    </message>
    <message>
        <source>Selection {start}–{end}</source>
        <translation>Vùng chọn {start}–{end}</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Ký tự</translation>
    </message>
    <message>
        <source>Selections are exact to the character (Ctrl+Shift+C for words)</source>
        <translation>Vùng chọn chính xác đến từng ký tự (Ctrl+Shift+C để chọn theo từ)</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>Selections snap to whole words (Ctrl+Shift+C for characters)</source>
        <translation>Vùng chọn bám theo cả từ (Ctrl+Shift+C để chọn từng ký tự)</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>Gán nhãn</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>Giới thiệu Annotator</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Annotator {version}&lt;/h3&gt;&lt;p&gt;Offline annotation of news text: entities, figures and claims, with review and exact exports.&lt;/p&gt;&lt;p&gt;Project: {path}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Annotator {version}&lt;/h3&gt;&lt;p&gt;Gán nhãn văn bản tin tức ngoại tuyến: thực thể, số liệu và nhận định, có duyệt và xuất dữ liệu chính xác.&lt;/p&gt;&lt;p&gt;Dự án: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Working as {name}.</source>
        <translation>Đang làm với tên {name}.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <source>Annotator projects (project.db *.annotator);;All files (*)</source>
        <translation>Dự án Annotator (project.db *.annotator);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>{title}: cancelled; nothing was changed.</source>
        <translation>{title}: đã huỷ; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Đã xảy ra lỗi: {error}</translation>
    </message>
</context>
<context>
    <name>MentionModel</name>
    <message>
        <source> (suggested)</source>
        <translation> (gợi ý)</translation>
    </message>
    <message>
        <source>{title}, at {start}</source>
        <translation>{title}, tại vị trí {start}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge entities</source>
        <translation>Gộp thực thể</translation>
    </message>
    <message>
        <source>Entity to keep</source>
        <translation>Thực thể được giữ lại</translation>
    </message>
    <message>
        <source>{name} ({type}, {n} mention(s))</source>
        <translation>{name} ({type}, {n} lần nhắc)</translation>
    </message>
    <message>
        <source>{n} entities become one with {m} mention(s). Their names are kept as aliases; undo brings them back.</source>
        <translation>{n} thực thể được gộp thành một, với {m} lần nhắc. Tên của chúng được giữ làm tên gọi khác; hoàn tác sẽ khôi phục chúng.</translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation>&amp;Giữ lại:</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
</context>
<context>
    <name>PairModel</name>
    <message>
        <source>Annotator</source>
        <translation>Người gán nhãn</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Người kia</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Độ chính xác</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Độ phủ</translation>
    </message>
    <message>
        <source>Exact F1</source>
        <translation>F1 khớp đúng</translation>
    </message>
    <message>
        <source>Partial F1</source>
        <translation>F1 một phần</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>Ai đang làm việc?</translation>
    </message>
    <message>
        <source>Your name is written in the project&apos;s log with every change you make.</source>
        <translation>Tên của bạn được ghi vào nhật ký dự án cùng mọi thay đổi bạn thực hiện.</translation>
    </message>
    <message>
        <source>People of this project</source>
        <translation>Thành viên của dự án</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>biên tập viên</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>người gán nhãn</translation>
    </message>
    <message>
        <source>Or type a new name</source>
        <translation>Hoặc nhập tên mới</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>A reason is needed.</source>
        <translation>Cần nêu lý do.</translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename entity</source>
        <translation>Đổi tên thực thể</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Tên mới</translation>
    </message>
    <message>
        <source>Keep the old name as an alias</source>
        <translation>Giữ tên cũ làm tên gọi khác</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Đã gắn cờ</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Đang duyệt</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Đã kết luận</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Đã công bố</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Đã bỏ qua</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>Được xác nhận</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>Bị bác bỏ</translation>
    </message>
    <message>
        <source>Conflicting</source>
        <translation>Mâu thuẫn</translation>
    </message>
    <message>
        <source>Not enough evidence</source>
        <translation>Không đủ bằng chứng</translation>
    </message>
    <message>
        <source>Non-factual</source>
        <translation>Phi dữ kiện</translation>
    </message>
    <message>
        <source>Unimportant factual</source>
        <translation>Dữ kiện thứ yếu</translation>
    </message>
    <message>
        <source>Check-worthy factual</source>
        <translation>Đáng kiểm chứng</translation>
    </message>
    <message>
        <source>&amp;Flag for review</source>
        <translation>&amp;Gắn cờ để duyệt</translation>
    </message>
    <message>
        <source>&amp;Unflag</source>
        <translation>&amp;Bỏ gắn cờ</translation>
    </message>
    <message>
        <source>&amp;Take into review</source>
        <translation>Nhận để &amp;duyệt</translation>
    </message>
    <message>
        <source>&amp;Return to annotator…</source>
        <translation>T&amp;rả lại người gán nhãn…</translation>
    </message>
    <message>
        <source>Re&amp;vise (back to draft)</source>
        <translation>Sửa lại (&amp;về bản nháp)</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Bỏ &amp;qua…</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Kết luận…</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Công bố</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>Mở &amp;lại…</translation>
    </message>
    <message>
        <source>Review claims — {project}</source>
        <translation>Duyệt nhận định — {project}</translation>
    </message>
    <message>
        <source>Which review states to show</source>
        <translation>Hiện những trạng thái duyệt nào</translation>
    </message>
    <message>
        <source>Queue: flagged, in review, decided</source>
        <translation>Hàng đợi: gắn cờ, đang duyệt, kết luận</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Mọi kết luận</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Người gán nhãn</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Check-worthiness</source>
        <translation>Mức đáng kiểm chứng</translation>
    </message>
    <message>
        <source>Any check-worthiness</source>
        <translation>Mọi mức đáng kiểm chứng</translation>
    </message>
    <message>
        <source>Find in claims (Ctrl+F)</source>
        <translation>Tìm nhận định (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any annotator</source>
        <translation>Mọi người gán nhãn</translation>
    </message>
    <message>
        <source>Every article</source>
        <translation>Mọi bài viết</translation>
    </message>
    <message>
        <source>&amp;Open in the article</source>
        <translation>&amp;Mở trong bài viết</translation>
    </message>
    <message>
        <source>&amp;Next claim</source>
        <translation>Nhận định &amp;sau</translation>
    </message>
    <message>
        <source>Pre&amp;vious claim</source>
        <translation>Nhận định &amp;trước</translation>
    </message>
    <message>
        <source>&amp;Unlock editor actions…</source>
        <translation>Mở k&amp;hoá quyền biên tập…</translation>
    </message>
    <message>
        <source>&amp;Find in claims</source>
        <translation>Tìm tr&amp;ong các nhận định</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Nhận định</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>No claim in the queue with these filters.</source>
        <translation>Không có nhận định nào trong hàng đợi khớp với các bộ lọc này.</translation>
    </message>
    <message>
        <source>editor</source>
        <translation>biên tập viên</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation>người gán nhãn</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>đã mở khoá</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>đang khoá</translation>
    </message>
    <message>
        <source>{name} ({role}{lock})</source>
        <translation>{name} ({role}{lock})</translation>
    </message>
    <message>
        <source>Asks for the editor&apos;s passphrase first.</source>
        <translation>Cần nhập mật khẩu của biên tập viên trước.</translation>
    </message>
    <message>
        <source>Only an editor can do this; you are {who}.</source>
        <translation>Chỉ biên tập viên mới làm được việc này; bạn là {who}.</translation>
    </message>
    <message>
        <source>Not from this state ({state}).</source>
        <translation>Không làm được từ trạng thái này ({state}).</translation>
    </message>
    <message>
        <source>Working as {who}.</source>
        <translation>Đang làm với tên {who}.</translation>
    </message>
    <message>
        <source>Editor steps ({steps}) need an editor.</source>
        <translation>Các bước của biên tập viên ({steps}) cần một biên tập viên.</translation>
    </message>
    <message>
        <source>Editor steps ask for your passphrase (Ctrl+L unlocks now).</source>
        <translation>Các bước của biên tập viên cần mật khẩu của bạn (Ctrl+L để mở khoá ngay).</translation>
    </message>
    <message>
        <source>{shown} of {total} claims</source>
        <translation>{shown}/{total} nhận định</translation>
    </message>
    <message>
        <source>Why does the claim go back to its annotator?</source>
        <translation>Vì sao nhận định được trả lại cho người gán nhãn?</translation>
    </message>
    <message>
        <source>Why is the claim not worth checking? (optional)</source>
        <translation>Vì sao nhận định không đáng kiểm chứng? (không bắt buộc)</translation>
    </message>
    <message>
        <source>Why is the claim reopened?</source>
        <translation>Vì sao nhận định được mở lại?</translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation>Chưa thực hiện: {reason}</translation>
    </message>
    <message>
        <source>claim {id}</source>
        <translation>nhận định {id}</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Thực thể</translation>
    </message>
    <message>
        <source>Note from the editor:</source>
        <translation>Ghi chú của biên tập viên:</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Lập luận</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bằng chứng</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>Người đưa ra nhận định</translation>
    </message>
    <message>
        <source>Verifiable</source>
        <translation>Kiểm chứng được</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Numeric type</source>
        <translation>Loại số liệu</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>Review &amp;claims…</source>
        <translation>Duyệt &amp;nhận định…</translation>
    </message>
    <message>
        <source>Review claims: the editors&apos; queue (Ctrl+Shift+R)</source>
        <translation>Duyệt nhận định: hàng đợi của biên tập viên (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search project</source>
        <translation>Tìm trong dự án</translation>
    </message>
    <message>
        <source>Words to find (diacritics do not matter: Son La finds Sơn La)</source>
        <translation>Từ cần tìm (không phân biệt dấu: Son La tìm thấy Sơn La)</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Only inside spans of</source>
        <translation>Chỉ trong các đoạn có nhãn</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>Mọi nơi</translation>
    </message>
    <message>
        <source>Inside {label}</source>
        <translation>Trong {label}</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Enter searches; ↓ goes to the results; Enter on a result opens it.</source>
        <translation>Enter để tìm; ↓ để đến kết quả; Enter trên một kết quả để mở.</translation>
    </message>
    <message>
        <source>No match.</source>
        <translation>Không có kết quả.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n kết quả</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>trong %n tài liệu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Văn bản</translation>
    </message>
</context>
<context>
    <name>SpanTextView</name>
    <message>
        <source>suggested</source>
        <translation>gợi ý</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split entity</source>
        <translation>Tách thực thể</translation>
    </message>
    <message>
        <source>Name of the new entity</source>
        <translation>Tên của thực thể mới</translation>
    </message>
    <message>
        <source>Move {n} mention(s) of {name} to a new entity.</source>
        <translation>Chuyển {n} lần nhắc đến {name} sang một thực thể mới.</translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation>&amp;Tên mới:</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Tách</translation>
    </message>
</context>
<context>
    <name>TagAllDialog</name>
    <message>
        <source>Tag all occurrences</source>
        <translation>Gán nhãn mọi chỗ xuất hiện</translation>
    </message>
    <message>
        <source>In this &amp;document</source>
        <translation>Trong &amp;tài liệu này</translation>
    </message>
    <message>
        <source>In the whole &amp;project</source>
        <translation>Trong toàn bộ &amp;dự án</translation>
    </message>
    <message>
        <source>&amp;Exactly this text</source>
        <translation>Chính xác văn bản &amp;này</translation>
    </message>
    <message>
        <source>Also other &amp;case and diacritics</source>
        <translation>Bỏ qua &amp;hoa thường và dấu</translation>
    </message>
    <message>
        <source>As &amp;suggestions to review</source>
        <translation>&amp;Gợi ý để duyệt</translation>
    </message>
    <message>
        <source>As &amp;accepted</source>
        <translation>Đã &amp;chấp nhận</translation>
    </message>
    <message>
        <source>Tag them</source>
        <translation>Gán nhãn</translation>
    </message>
    <message>
        <source>, linked to {name}</source>
        <translation>, liên kết với {name}</translation>
    </message>
    <message>
        <source>Tag «{text}» as {label}{link}</source>
        <translation>Gán nhãn «{text}» là {label}{link}</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Phạm vi:</translation>
    </message>
    <message>
        <source>Match:</source>
        <translation>Khớp:</translation>
    </message>
    <message>
        <source>Add:</source>
        <translation>Thêm dưới dạng:</translation>
    </message>
    <message>
        <source>{n} more place(s) in {d} document(s); {k} already tagged.</source>
        <translation>Còn {n} chỗ khác trong {d} tài liệu; {k} chỗ đã được gán nhãn.</translation>
    </message>
</context>
<context>
    <name>TagPanel</name>
    <message>
        <source>Spans of this document</source>
        <translation>Các đoạn của tài liệu này</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Spans ({n}, {s} suggested)</source>
        <translation>Đoạn ({n}, {s} gợi ý)</translation>
    </message>
    <message>
        <source>Spans ({n})</source>
        <translation>Đoạn ({n})</translation>
    </message>
</context>
<context>
    <name>Tagger</name>
    <message>
        <source>Wait until the background job has finished.</source>
        <translation>Hãy đợi công việc nền chạy xong.</translation>
    </message>
    <message>
        <source>Select some text first (Shift+arrows or the mouse), then press a label key.</source>
        <translation>Hãy chọn văn bản trước (Shift+mũi tên hoặc chuột), rồi nhấn phím của nhãn.</translation>
    </message>
    <message>
        <source>Tag {label}: {text}</source>
        <translation>Gán {label}: {text}</translation>
    </message>
    <message>
        <source>Change {old} to {new}</source>
        <translation>Đổi {old} thành {new}</translation>
    </message>
    <message>
        <source>Delete {label}: {text}</source>
        <translation>Xoá {label}: {text}</translation>
    </message>
    <message>
        <source>Resize {label} to {text}</source>
        <translation>Đổi phạm vi {label} thành {text}</translation>
    </message>
    <message>
        <source>Select a suggested span first (J/K moves between spans).</source>
        <translation>Hãy chọn một đoạn gợi ý trước (J/K để di chuyển giữa các đoạn).</translation>
    </message>
    <message>
        <source>Accept {label}: {text}</source>
        <translation>Chấp nhận {label}: {text}</translation>
    </message>
    <message>
        <source>Reject {label}: {text}</source>
        <translation>Từ chối {label}: {text}</translation>
    </message>
    <message>
        <source>This document has no suggestions to accept.</source>
        <translation>Tài liệu này không có gợi ý nào để chấp nhận.</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>Chấp nhận %n gợi ý</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock editor actions</source>
        <translation>Mở khoá quyền biên tập</translation>
    </message>
    <message>
        <source>Passphrase of the editor {name}:</source>
        <translation>Mật khẩu của biên tập viên {name}:</translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation>Sai mật khẩu; hãy thử lại.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>claim {claim} is {state}: only an unlocked editor may change it</source>
        <translation>nhận định {claim} đang ở trạng thái «{state}»: chỉ biên tập viên đã mở khóa mới được sửa</translation>
    </message>
    <message>
        <source>span {span} is linked from claim {claim}, which is {state}: only an unlocked editor may change it</source>
        <translation>đoạn {span} được liên kết từ nhận định {claim} đang ở trạng thái «{state}»: chỉ biên tập viên đã mở khóa mới được sửa</translation>
    </message>
    <message>
        <source>claim {claim} is {state}: this cannot be undone by an annotator</source>
        <translation>nhận định {claim} đang ở trạng thái «{state}»: người gán nhãn không thể hoàn tác việc này</translation>
    </message>
    <message>
        <source>cannot {action} a claim that is {state}; from {state} one can: {allowed}</source>
        <translation>không thể «{action}» một nhận định đang ở trạng thái «{state}»; từ trạng thái này chỉ có thể: {allowed}</translation>
    </message>
    <message>
        <source>cannot {action} a claim that is {state} (a published claim goes back into review only by reopening it with a reason); from {state} one can: {allowed}</source>
        <translation>không thể «{action}» một nhận định đang ở trạng thái «{state}» (nhận định đã công bố chỉ quay lại duyệt khi được mở lại kèm lý do); từ trạng thái này chỉ có thể: {allowed}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>không gì cả</translation>
    </message>
    <message>
        <source>claim {claim} is {span_state}: accept it before flagging it</source>
        <translation>nhận định {claim} đang «{span_state}»: hãy chấp nhận nó trước khi gắn cờ</translation>
    </message>
    <message>
        <source>claim {claim} has no verdict to publish</source>
        <translation>nhận định {claim} chưa có kết luận để công bố</translation>
    </message>
    <message>
        <source>reopening claim {claim} needs a reason</source>
        <translation>mở lại nhận định {claim} cần có lý do</translation>
    </message>
    <message>
        <source>deciding a claim needs a verdict: {verdicts}</source>
        <translation>kết luận một nhận định cần chọn một kết luận: {verdicts}</translation>
    </message>
    <message>
        <source>{what}: only an editor may do this, and {person} is not an editor</source>
        <translation>{what}: chỉ biên tập viên mới được làm việc này, và {person} không phải biên tập viên</translation>
    </message>
    <message>
        <source>{what}: {person} must unlock editor actions with the passphrase first</source>
        <translation>{what}: {person} cần mở khóa các thao tác biên tập bằng mật khẩu trước</translation>
    </message>
    <message>
        <source>{action} claim {claim}</source>
        <translation>«{action}» nhận định {claim}</translation>
    </message>
    <message>
        <source>setting the fact-check publisher</source>
        <translation>đặt đơn vị công bố kiểm chứng</translation>
    </message>
    <message>
        <source>changing people&apos;s roles</source>
        <translation>thay đổi vai trò của mọi người</translation>
    </message>
    <message>
        <source>adding an editor</source>
        <translation>thêm biên tập viên</translation>
    </message>
    <message>
        <source>{person} is not a person of this project</source>
        <translation>{person} không phải thành viên của dự án này</translation>
    </message>
    <message>
        <source>{person} is not an editor</source>
        <translation>{person} không phải biên tập viên</translation>
    </message>
    <message>
        <source>wrong passphrase for {person}</source>
        <translation>sai mật khẩu của {person}</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>không có gì để hoàn tác</translation>
    </message>
    <message>
        <source>nothing to redo</source>
        <translation>không có gì để làm lại</translation>
    </message>
    <message>
        <source>cannot undo: {row} {id} was changed since ({columns})</source>
        <translation>không thể hoàn tác: {row} {id} đã bị thay đổi sau đó ({columns})</translation>
    </message>
    <message>
        <source>cannot replay: {row} {id} is gone</source>
        <translation>không thể thực hiện lại: {row} {id} không còn nữa</translation>
    </message>
    <message>
        <source>span {start}-{end}: start is negative</source>
        <translation>đoạn {start}-{end}: vị trí đầu là số âm</translation>
    </message>
    <message>
        <source>span {start}-{end}: empty span (end must be after start)</source>
        <translation>đoạn {start}-{end}: đoạn rỗng (vị trí cuối phải sau vị trí đầu)</translation>
    </message>
    <message>
        <source>span {start}-{end}: past the end of the text (length {length})</source>
        <translation>đoạn {start}-{end}: vượt quá cuối văn bản (độ dài {length})</translation>
    </message>
    <message>
        <source>a link joins two spans of the same document</source>
        <translation>liên kết chỉ nối hai đoạn trong cùng một văn bản</translation>
    </message>
    <message>
        <source>a span cannot link to itself</source>
        <translation>một đoạn không thể liên kết với chính nó</translation>
    </message>
    <message>
        <source>a link needs a role</source>
        <translation>liên kết cần có vai trò</translation>
    </message>
    <message>
        <source>span {source} already links to span {target} as {role}</source>
        <translation>đoạn {source} đã liên kết với đoạn {target} với vai trò {role}</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>Annotator JSONL: {id, text, meta, spans:[{start,end,label,attrs}]}</source>
        <translation>JSONL của Annotator: {id, text, meta, spans:[{start,end,label,attrs}]}</translation>
    </message>
    <message>
        <source>Plain text files (one document each) or folders of them</source>
        <translation>Tệp văn bản thuần (mỗi tệp một tài liệu) hoặc thư mục chứa chúng</translation>
    </message>
    <message>
        <source>Markdown: the article text</source>
        <translation>Markdown: văn bản bài viết</translation>
    </message>
    <message>
        <source>HTML: the article text (scripts, styles and navigation dropped)</source>
        <translation>HTML: văn bản bài viết (bỏ script, style và phần điều hướng)</translation>
    </message>
    <message>
        <source>Word documents</source>
        <translation>Tài liệu Word</translation>
    </message>
    <message>
        <source>Prodigy JSONL (tokens, token_end inclusive)</source>
        <translation>Prodigy JSONL (token, token_end tính cả token cuối)</translation>
    </message>
    <message>
        <source>doccano JSONL (sequence labelling, with relations when there are any)</source>
        <translation>doccano JSONL (gán nhãn chuỗi, kèm quan hệ nếu có)</translation>
    </message>
    <message>
        <source>Label Studio JSON tasks (offsets as Label Studio counts them)</source>
        <translation>Tác vụ JSON của Label Studio (vị trí tính theo cách của Label Studio)</translation>
    </message>
    <message>
        <source>brat standoff (.txt + .ann): T, R, A, N and # lines</source>
        <translation>brat standoff (.txt + .ann): các dòng T, R, A, N và #</translation>
    </message>
    <message>
        <source>CoNLL-2003 (4 columns, -DOCSTART-), IOB2 tags</source>
        <translation>CoNLL-2003 (4 cột, -DOCSTART-), nhãn IOB2</translation>
    </message>
    <message>
        <source>Token per line, IOB2 tags, nested spans in extra columns</source>
        <translation>Mỗi dòng một token, nhãn IOB2, đoạn lồng nhau ở các cột thêm</translation>
    </message>
    <message>
        <source>Token per line, BILOU tags, nested spans in extra columns</source>
        <translation>Mỗi dòng một token, nhãn BILOU, đoạn lồng nhau ở các cột thêm</translation>
    </message>
    <message>
        <source>spaCy DocBin (.spacy): doc.ents and doc.spans[layer]</source>
        <translation>spaCy DocBin (.spacy): doc.ents và doc.spans[layer]</translation>
    </message>
    <message>
        <source>Hugging Face datasets JSONL: tokens + ner_tags with declared features</source>
        <translation>JSONL cho Hugging Face datasets: tokens + ner_tags kèm khai báo features</translation>
    </message>
    <message>
        <source>Hugging Face datasets Parquet</source>
        <translation>Parquet cho Hugging Face datasets</translation>
    </message>
</context>
<context>
    <name>schema</name>
    <message>
        <source>value</source>
        <translation>giá trị</translation>
    </message>
    <message>
        <source>low</source>
        <translation>cận dưới</translation>
    </message>
    <message>
        <source>high</source>
        <translation>cận trên</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>giới hạn</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>hệ số</translation>
    </message>
    <message>
        <source>referent</source>
        <translation>đối tượng</translation>
    </message>
    <message>
        <source>date</source>
        <translation>ngày tháng</translation>
    </message>
    <message>
        <source>granularity</source>
        <translation>độ chi tiết</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>nhập nhằng</translation>
    </message>
    <message>
        <source>check-worthiness</source>
        <translation>mức đáng kiểm chứng</translation>
    </message>
    <message>
        <source>verifiable</source>
        <translation>kiểm chứng được</translation>
    </message>
    <message>
        <source>numeric type</source>
        <translation>loại số liệu</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>gắn cờ</translation>
    </message>
    <message>
        <source>normalized</source>
        <translation>dạng chuẩn hoá</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>thực thể</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>số liệu</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>nhận định</translation>
    </message>
    <message>
        <source>day</source>
        <translation>ngày</translation>
    </message>
    <message>
        <source>month</source>
        <translation>tháng</translation>
    </message>
    <message>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>decade</source>
        <translation>thập kỷ</translation>
    </message>
    <message>
        <source>century</source>
        <translation>thế kỷ</translation>
    </message>
    <message>
        <source>non-factual</source>
        <translation>phi dữ kiện</translation>
    </message>
    <message>
        <source>unimportant factual</source>
        <translation>dữ kiện thứ yếu</translation>
    </message>
    <message>
        <source>check-worthy factual</source>
        <translation>đáng kiểm chứng</translation>
    </message>
    <message>
        <source>statistical</source>
        <translation>thống kê</translation>
    </message>
    <message>
        <source>temporal</source>
        <translation>thời gian</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>so sánh</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>khoảng</translation>
    </message>
    <message>
        <source>Normalised value: a decimal with &apos;.&apos; and no grouping</source>
        <translation>Giá trị chuẩn hoá: số thập phân dùng dấu &apos;.&apos; và không tách nhóm</translation>
    </message>
    <message>
        <source>Lower end of a range or interval</source>
        <translation>Đầu dưới của một phạm vi hoặc khoảng</translation>
    </message>
    <message>
        <source>Upper end of a range or interval</source>
        <translation>Đầu trên của một phạm vi hoặc khoảng</translation>
    </message>
    <message>
        <source>How the value bounds the quantity (hơn → &gt;, khoảng → ~, ít nhất → ≥ …)</source>
        <translation>Giá trị giới hạn đại lượng thế nào (hơn → &gt;, khoảng → ~, ít nhất → ≥ …)</translation>
    </message>
    <message>
        <source>%, an ISO 4217 currency (VND, USD …) or a measure unit</source>
        <translation>%, mã tiền tệ ISO 4217 (VND, USD …) hoặc đơn vị đo</translation>
    </message>
    <message>
        <source>Scale word multiplied into the value (nghìn → 1000, triệu → 1000000 …)</source>
        <translation>Từ chỉ bậc số nhân vào giá trị (nghìn → 1000, triệu → 1000000 …)</translation>
    </message>
    <message>
        <source>The noun the figure counts (595 Đảng bộ → Đảng bộ)</source>
        <translation>Danh từ chỉ thứ mà số liệu đếm (595 Đảng bộ → Đảng bộ)</translation>
    </message>
    <message>
        <source>ISO date; XXXX for an unknown year (XXXX-09), YYYY-MM for a month; start/end for a range of days (2020-08-01/2020-08-05)</source>
        <translation>Ngày theo ISO; XXXX khi không rõ năm (XXXX-09), YYYY-MM cho một tháng; đầu/cuối cho một khoảng ngày (2020-08-01/2020-08-05)</translation>
    </message>
    <message>
        <source>The reading cannot be decided (thousands dot or decimal point?)</source>
        <translation>Không xác định được cách đọc (dấu chấm phân cách hàng nghìn hay dấu thập phân?)</translation>
    </message>
    <message>
        <source>Is this worth checking?</source>
        <translation>Điều này có đáng kiểm chứng không?</translation>
    </message>
    <message>
        <source>Flag this claim for the editors&apos; review</source>
        <translation>Gắn cờ nhận định này để biên tập viên duyệt</translation>
    </message>
    <message>
        <source>A normalised form or external reference (brat N lines)</source>
        <translation>Dạng chuẩn hoá hoặc tham chiếu ngoài (dòng N của brat)</translation>
    </message>
    <message>
        <source>People, organisations, places and document references</source>
        <translation>Người, tổ chức, địa danh và số hiệu văn bản</translation>
    </message>
    <message>
        <source>Numbers with a normalised value</source>
        <translation>Các con số kèm giá trị chuẩn hoá</translation>
    </message>
    <message>
        <source>Check-worthy statements, linked to the figures and entities they rest on</source>
        <translation>Các phát biểu đáng kiểm chứng, liên kết với số liệu và thực thể làm căn cứ</translation>
    </message>
    <message>
        <source>A person</source>
        <translation>Một người</translation>
    </message>
    <message>
        <source>An organisation, party body or institution</source>
        <translation>Một tổ chức, tổ chức Đảng hoặc cơ quan</translation>
    </message>
    <message>
        <source>A place: province, district, country</source>
        <translation>Một địa danh: tỉnh, huyện, quốc gia</translation>
    </message>
    <message>
        <source>Another named thing: event, law, product</source>
        <translation>Thứ khác có tên riêng: sự kiện, luật, sản phẩm</translation>
    </message>
    <message>
        <source>A document reference such as 35-CT/TW or 30/2020/NĐ-CP (not a figure)</source>
        <translation>Số hiệu văn bản như 35-CT/TW hoặc 30/2020/NĐ-CP (không phải số liệu)</translation>
    </message>
    <message>
        <source>A count of things</source>
        <translation>Số lượng đếm được</translation>
    </message>
    <message>
        <source>A percentage</source>
        <translation>Tỷ lệ phần trăm</translation>
    </message>
    <message>
        <source>An amount of money</source>
        <translation>Một khoản tiền</translation>
    </message>
    <message>
        <source>A measured quantity with a unit</source>
        <translation>Đại lượng đo có đơn vị</translation>
    </message>
    <message>
        <source>A date or a month or a year</source>
        <translation>Ngày, tháng hoặc năm</translation>
    </message>
    <message>
        <source>A period or term (2015-2020, nhiệm kỳ 2020-2025)</source>
        <translation>Một giai đoạn hoặc nhiệm kỳ (2015-2020, nhiệm kỳ 2020-2025)</translation>
    </message>
    <message>
        <source>An ordinal, including Roman numerals (khóa XV)</source>
        <translation>Số thứ tự, kể cả số La Mã (khóa XV)</translation>
    </message>
    <message>
        <source>A fraction or ratio (17/17)</source>
        <translation>Phân số hoặc tỷ số (17/17)</translation>
    </message>
    <message>
        <source>A check-worthy statement</source>
        <translation>Một phát biểu đáng kiểm chứng</translation>
    </message>
</context>
<context>
    <name>tagpanel</name>
    <message>
        <source>Entities</source>
        <translation>Thực thể</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Nhận định</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>gợi ý</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>đã từ chối</translation>
    </message>
</context>
</TS>
