<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
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
        <source>An ISO date: 2020-08-04, a month 2020-08, or XXXX-09 when the year is unknown</source>
        <translation>Ngày theo ISO: 2020-08-04, tháng 2020-08, hoặc XXXX-09 khi không rõ năm</translation>
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
    <name>ClaimQueueModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished">#</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-worthiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished">Bài viết</translation>
    </message>
</context>
<context>
    <name>ClustersDialog</name>
    <message>
        <source>Name variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster / spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make one entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag untagged places…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} unlinked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make one entity of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No untagged place looks like {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest {n} mention(s) of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested {n} mention(s) of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide claim {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rating readers see (default: the verdict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One source a line: URL | publisher | stance | quote
stance: supports, refutes, mixed or context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verdict:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating &amp;text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
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
    <name>EntitiesPanel</name>
    <message>
        <source>Filter by name or alias…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entities</source>
        <translation type="unfinished">Thực thể</translation>
    </message>
    <message>
        <source>Mentions of the entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the entity (the old name stays as an alias)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished">&amp;Hợp nhất…</translation>
    </message>
    <message>
        <source>Merge the selected entities into one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Split off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected mentions to a new entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the entity (its mentions stay, unlinked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name &amp;variants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose clusters of mentions that spell one name differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} mention(s) of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename entity to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {n} entities into {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split {n} mention(s) off into {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {n} entit(ies)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished">Tên</translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also written: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{accepted} accepted, {suggested} suggested mention(s)</source>
        <translation type="unfinished"></translation>
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
    <name>LinkEntityDialog</name>
    <message>
        <source>Link mention to entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entities of any type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an entity with the typed name and link the mention to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mention: «{text}» ({label})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — as «{alias}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match: {how}, score {score:.2f}</source>
        <translation type="unfinished"></translation>
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
        <translation>Đổi &amp;người làm…</translation>
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
        <translation>Tìm &amp;tiếp</translation>
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
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>Cỡ &amp;bình thường</translation>
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
        <translation>Đến &amp;bài viết</translation>
    </message>
    <message>
        <source>Go to the &amp;span list</source>
        <translation>Đến danh sách &amp;đoạn</translation>
    </message>
    <message>
        <source>Mark &amp;new</source>
        <translation>Đánh dấu &amp;mới</translation>
    </message>
    <message>
        <source>Mark &amp;in progress</source>
        <translation>Đánh dấu &amp;đang làm</translation>
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
        <translation>Tài liệu &amp;trước</translation>
    </message>
    <message>
        <source>Suggest &amp;figures</source>
        <translation>Gợi ý &amp;số liệu</translation>
    </message>
    <message>
        <source>Propose the figures of this document as suggestions to accept or reject</source>
        <translation>Đề xuất các số liệu của tài liệu này làm gợi ý để chấp nhận hoặc từ chối</translation>
    </message>
    <message>
        <source>Suggest figures in &amp;every document</source>
        <translation>Gợi ý số liệu trong &amp;mọi tài liệu</translation>
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
        <translation>Đoạn &amp;trước</translation>
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
        <translation>Từ &amp;chối gợi ý</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}, at {start}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({type}, {n} mention(s))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entities become one with {m} mention(s). Their names are kept as aliases; undo brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished">Hợp nhất</translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RenameDialog</name>
    <message>
        <source>Rename entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the old name as an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-factual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unimportant factual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-worthy factual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flag for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unflag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take into review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Return to annotator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vise (back to draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review claims — {project}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which review states to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue: flagged, in review, decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article</source>
        <translation type="unfinished">Bài viết</translation>
    </message>
    <message>
        <source>Check-worthiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any check-worthiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in claims (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock editor actions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>editor</source>
        <translation type="unfinished">biên tập viên</translation>
    </message>
    <message>
        <source>annotator</source>
        <translation type="unfinished">người gán nhãn</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({role}{lock})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks for the editor&apos;s passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an editor can do this; you are {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not from this state ({state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working as {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor steps ({steps}) need an editor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor steps ask for your passphrase (Ctrl+L unlocks now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does the claim go back to its annotator?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the claim not worth checking? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the claim reopened?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifiable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numeric type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;claims…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review claims: the editors&apos; queue (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {n} mention(s) of {name} to a new entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagAllDialog</name>
    <message>
        <source>Tag all occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this &amp;document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the whole &amp;project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exactly this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also other &amp;case and diacritics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;suggestions to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, linked to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag «{text}» as {label}{link}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} more place(s) in {d} document(s); {k} already tagged.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the editor {name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase; try again.</source>
        <translation type="unfinished"></translation>
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
