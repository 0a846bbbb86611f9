<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AbolishDialog</name>
    <message>
        <source>Abolish council</source>
        <translation>連絡協議会の廃止</translation>
    </message>
    <message>
        <source>%1 will be abolished. Its members, meetings and history are kept.</source>
        <translation>%1 を廃止します。委員・会議・履歴の記録は残ります。</translation>
    </message>
    <message>
        <source>Abolished on</source>
        <translation>廃止日</translation>
    </message>
</context>
<context>
    <name>AgendaSection</name>
    <message>
        <source>Title of a new agenda item, then Enter</source>
        <translation>追加する議題を入力してEnter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Notes on the selected item (optional)</source>
        <translation>選択した議題の補足（任意）</translation>
    </message>
    <message>
        <source>Double-click an item to rename it; drag items or use the buttons to reorder.</source>
        <translation>議題をダブルクリックすると件名を変更できます。ドラッグまたはボタンで順番を入れ替えます。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>データベースを開けません</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>別のファイルを開く…</translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation>データベースを開く・新規作成</translation>
    </message>
    <message>
        <source>Database (*.db);;All files (*)</source>
        <translation>データベース (*.db);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>Please check your input</source>
        <translation>入力内容を確認してください</translation>
    </message>
    <message>
        <source>Cannot do this</source>
        <translation>実行できません</translation>
    </message>
</context>
<context>
    <name>AppointDialog</name>
    <message>
        <source>Appoint %1</source>
        <translation>%1 の委嘱</translation>
    </message>
    <message>
        <source>e.g. Community Safety Division</source>
        <translation>例：生活安全課</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記録あり</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>任期開始</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>任期満了</translation>
    </message>
    <message>
        <source>Consulted with</source>
        <translation>協議先（他部門）</translation>
    </message>
    <message>
        <source>Consulted on</source>
        <translation>協議日</translation>
    </message>
    <message>
        <source>Choose the council to appoint to (register it first).</source>
        <translation>委嘱する連絡協議会を選んでください（未登録の場合は先に登録してください）。</translation>
    </message>
</context>
<context>
    <name>AppointmentHistoryModel</name>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>任期開始</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>任期満了</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>解嘱日</translation>
    </message>
    <message>
        <source>Reason for ending</source>
        <translation>解嘱の理由</translation>
    </message>
    <message>
        <source>Consulted with</source>
        <translation>協議先（他部門）</translation>
    </message>
    <message>
        <source>Reappointed</source>
        <translation>再任済み</translation>
    </message>
</context>
<context>
    <name>AttendanceSection</name>
    <message>
        <source>Tick all</source>
        <translation>全員出席</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>すべて外す</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>職名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>所属</translation>
    </message>
    <message>
        <source>Name or department</source>
        <translation>氏名・部門名</translation>
    </message>
    <message>
        <source>Body (organisation)</source>
        <translation>所属（機関・団体）</translation>
    </message>
    <message>
        <source> people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>委員</translation>
    </message>
    <message>
        <source>Operating staff</source>
        <translation>運営担当者</translation>
    </message>
    <message>
        <source>Residents, local bodies and police departments</source>
        <translation>地域住民・関係機関・団体、警察の関係部門</translation>
    </message>
    <message>
        <source>Members serving on %1:</source>
        <translation>%1現在の委員：</translation>
    </message>
    <message>
        <source>Not serving on the meeting date</source>
        <translation>開催日に在任していません</translation>
    </message>
    <message>
        <source>Attendance: %1</source>
        <translation>出席者数：%1</translation>
    </message>
</context>
<context>
    <name>AttendeeCheckModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
</context>
<context>
    <name>BackgroundJobDialog</name>
    <message>
        <source>Cancelling…</source>
        <translation>中止しています…</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Choose the folder to back up to</source>
        <translation>バックアップの保存先フォルダーを選んでください</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>バックアップできませんでした</translation>
    </message>
    <message>
        <source>Could not write the backup to %1.
%2</source>
        <translation>%1 にバックアップを書き込めませんでした。
%2</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>The backup was saved as
%1

It contains residents&apos; personal information: keep it as carefully as the PC itself.</source>
        <translation>バックアップを次のファイルに保存しました。
%1

住民の個人情報が含まれています。パソコン本体と同じように厳重に管理してください。</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Councils</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>委員</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>読み取れません</translation>
    </message>
    <message>
        <source>Automatic (daily)</source>
        <translation>自動（毎日）</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>復元前</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>取り込み前</translation>
    </message>
    <message>
        <source>Before sample data</source>
        <translation>サンプル作成前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>更新前</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Confirm and import</source>
        <translation>確認して取り込み</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>%1 appointments will be recorded in %2: %3 new people and %4 people already on file.</source>
        <translation>%2に委嘱%1件を登録します（新しく登録する方 %3人、登録済みの方 %4人）。</translation>
    </message>
    <message>
        <source>%1 meetings will be recorded in %2.</source>
        <translation>%2に会議%1件を登録します。</translation>
    </message>
    <message>
        <source>%1 rows are left out: already recorded, or not importable.</source>
        <translation>登録済みの行と取り込めない行、計%1行は取り込みません。</translation>
    </message>
    <message>
        <source>The database is backed up before anything is written, and all rows are written together: if anything fails, nothing is changed.</source>
        <translation>書き込む前にデータベースのバックアップを作成します。すべての行をまとめて書き込むため、途中で失敗した場合は何も変更されません。</translation>
    </message>
</context>
<context>
    <name>CouncilDialog</name>
    <message>
        <source>New council</source>
        <translation>連絡協議会の新規登録</translation>
    </message>
    <message>
        <source>Edit council</source>
        <translation>連絡協議会の編集</translation>
    </message>
    <message>
        <source>e.g. Ekimae Koban Liaison Council</source>
        <translation>例：駅前交番連絡協議会</translation>
    </message>
    <message>
        <source>Required for an occupational council (§5(1))</source>
        <translation>職種等連絡協議会では必須（§5(1)）</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>警察署</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Posts covered</source>
        <translation>対象の交番等</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Established on</source>
        <translation>設置日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source> [closed]</source>
        <translation>［廃止］</translation>
    </message>
    <message>
        <source>One council for one post&apos;s area (§3(1)).</source>
        <translation>交番等の所管区ごとに一つの連絡協議会を置きます（§3(1)）。</translation>
    </message>
    <message>
        <source>A post&apos;s area split into several councils (§4(1)).</source>
        <translation>一つの交番等の所管区を分けて、複数の連絡協議会を置きます（§4(1)）。</translation>
    </message>
    <message>
        <source>Several posts&apos; areas merged into one council (§4(1)).</source>
        <translation>複数の交番等の所管区をまとめて、一つの連絡協議会を置きます（§4(1)）。</translation>
    </message>
    <message>
        <source>Set up around an occupation or district with a limited purpose (§5(1)).</source>
        <translation>職種、地区等を単位として、目的等を限定して置きます（§5(1)）。</translation>
    </message>
    <message>
        <source>Register the police station and its posts first (Add post…).</source>
        <translation>先に警察署と交番等を登録してください（「交番等の追加…」）。</translation>
    </message>
</context>
<context>
    <name>CouncilTableModel</name>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Posts covered</source>
        <translation>対象の交番等</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>運営責任者</translation>
    </message>
    <message>
        <source>(not designated)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Serving members</source>
        <translation>在任委員数</translation>
    </message>
    <message>
        <source>Last regular meeting</source>
        <translation>直近の定期会議</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>設置中</translation>
    </message>
    <message>
        <source>Abolished %1</source>
        <translation>%1廃止</translation>
    </message>
</context>
<context>
    <name>CouncilsTab</name>
    <message>
        <source>Filter by name, post or manager (Ctrl+F)</source>
        <translation>名称・交番等・運営責任者で絞り込み（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show abolished</source>
        <translation>廃止済みも表示</translation>
    </message>
    <message>
        <source>New council…</source>
        <translation>新規登録…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Abolish…</source>
        <translation>廃止…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>統合…</translation>
    </message>
    <message>
        <source>Add post…</source>
        <translation>交番等の追加…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>委員名簿</translation>
    </message>
    <message>
        <source>Roster with contact details</source>
        <translation>委員名簿（連絡先入り）</translation>
    </message>
    <message>
        <source>Letters of appointment (serving members)</source>
        <translation>委嘱状（在任の委員）</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Council details</source>
        <translation>連絡協議会の詳細</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Posts covered</source>
        <translation>対象の交番等</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Established on</source>
        <translation>設置日</translation>
    </message>
    <message>
        <source>Abolished on</source>
        <translation>廃止日</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>運営責任者</translation>
    </message>
    <message>
        <source>Designate manager…</source>
        <translation>運営責任者の指定…</translation>
    </message>
    <message>
        <source>Add officer…</source>
        <translation>勤務員の追加…</translation>
    </message>
    <message>
        <source>Show members</source>
        <translation>委員を表示</translation>
    </message>
    <message>
        <source>Show meetings</source>
        <translation>会議を表示</translation>
    </message>
    <message>
        <source>Operating staff (officers of the posts covered, §3(6))</source>
        <translation>運営担当者（対象の交番等の勤務員、§3(6)）</translation>
    </message>
    <message>
        <source>%1 active councils</source>
        <translation>設置中の連絡協議会：%1件</translation>
    </message>
    <message>
        <source>Delete council</source>
        <translation>連絡協議会の削除</translation>
    </message>
    <message>
        <source>Delete %1? Only a council entered by mistake, with no records, can be deleted; otherwise abolish it.</source>
        <translation>%1 を削除しますか？ 削除できるのは、誤って登録した記録のない連絡協議会だけです。それ以外は廃止してください。</translation>
    </message>
    <message>
        <source>(not designated)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source> (since %1)</source>
        <translation>（%1から）</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Cannot do this</source>
        <translation>実行できません</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>An unexpected error occurred and the last action was not completed.

Everything saved before it is safe in the database, and you can keep working. If it happens again, please send the log file to whoever looks after this application:
%1</source>
        <translation>予期しないエラーが発生したため、直前の操作は完了していません。

それまでに保存した内容はデータベースに残っており、このまま作業を続けられます。繰り返し発生する場合は、次のログファイルをアプリケーションの管理担当者に送ってください：
%1</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <source>Print Preview…</source>
        <translation>印刷プレビュー…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDFに保存…</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>印刷できません</translation>
    </message>
    <message>
        <source>Print Preview — %1</source>
        <translation>印刷プレビュー — %1</translation>
    </message>
    <message>
        <source>Print — %1</source>
        <translation>印刷 — %1</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>プリンターを開始できませんでした。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDFに保存</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Cannot save the PDF</source>
        <translation>PDFを保存できません</translation>
    </message>
</context>
<context>
    <name>EndAppointmentDialog</name>
    <message>
        <source>End appointment of %1</source>
        <translation>%1 の解嘱</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1から%2まで</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>任期</translation>
    </message>
    <message>
        <source>Ended on</source>
        <translation>解嘱日</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>End appointment</source>
        <translation>解嘱する</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for headquarters</source>
        <translation>本部への報告の出力</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>期間指定</translation>
    </message>
    <message>
        <source>to</source>
        <translation>～</translation>
    </message>
    <message>
        <source>Annual report, Excel workbook (.xlsx)</source>
        <translation>実施状況報告（Excel ブック .xlsx）</translation>
    </message>
    <message>
        <source>Annual report, CSV files in a folder</source>
        <translation>実施状況報告（CSV、フォルダーに表ごと）</translation>
    </message>
    <message>
        <source>Submission bundle (.json)</source>
        <translation>提出用バンドル（.json）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>形式：</translation>
    </message>
    <message>
        <source>Include members&apos; contact details (postal code, address, phone, e-mail)</source>
        <translation>委員の連絡先（郵便番号・住所・電話番号・メール）を含める</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存先：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>出力を中止</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Warning: the export will contain members&apos; addresses, phone numbers and e-mail addresses. Handle and send it as personal information.</source>
        <translation>注意：委員の住所・電話番号・メールアドレスが含まれます。個人情報として取り扱い、送付してください。</translation>
    </message>
    <message>
        <source>The export contains personal information (members&apos; names, ages and roles) even without contact details.</source>
        <translation>連絡先を含めなくても、出力には個人情報（委員の氏名・年代・役職など）が含まれます。</translation>
    </message>
    <message>
        <source>Folder for the CSV files</source>
        <translation>CSV ファイルの保存先フォルダー</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>実施状況報告の保存</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>提出用バンドルの保存</translation>
    </message>
    <message>
        <source>Submission bundle (*.json)</source>
        <translation>提出用バンドル (*.json)</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>保存先を指定してください。</translation>
    </message>
    <message>
        <source>CSV files are saved into a folder.</source>
        <translation>CSV は表ごとのファイルをフォルダーに保存します。保存先にはフォルダーを指定してください。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>出力しています…</translation>
    </message>
    <message>
        <source>Export finished.</source>
        <translation>出力が完了しました。</translation>
    </message>
    <message>
        <source>The export was saved:</source>
        <translation>次のファイルに出力しました：</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>出力できませんでした。</translation>
    </message>
    <message>
        <source>An unexpected error stopped the export. No file was written. The details are in the application log.</source>
        <translation>予期しないエラーのため出力を中止しました。ファイルは作成していません。詳細はアプリケーションのログに記録されています。</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>出力を中止しました。ファイルは作成していません。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>ファイルの選択</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file as kept at the koban. Nothing is written until you confirm, and the database is backed up first.</source>
        <translation>交番で使ってきた Excel ブック（.xlsx）または CSV ファイルを選んでください。確認するまで何も書き込まず、書き込む前にバックアップを作成します。</translation>
    </message>
    <message>
        <source>Excel or CSV file</source>
        <translation>Excel または CSV ファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Member roster (people and their appointments)</source>
        <translation>委員名簿（委員とその委嘱）</translation>
    </message>
    <message>
        <source>Meeting list</source>
        <translation>会議一覧</translation>
    </message>
    <message>
        <source>None: guess from the headers</source>
        <translation>なし（見出しから推定）</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル：</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>ファイルの内容：</translation>
    </message>
    <message>
        <source>Council:</source>
        <translation>連絡協議会：</translation>
    </message>
    <message>
        <source>Saved column mapping:</source>
        <translation>保存した列の対応付け：</translation>
    </message>
    <message>
        <source>%1 (abolished)</source>
        <translation>%1（廃止）</translation>
    </message>
    <message>
        <source>Choose a sheet</source>
        <translation>シートの選択</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Excel・CSV ファイル</translation>
    </message>
    <message>
        <source>Choose a saved mapping</source>
        <translation>保存した対応付けの選択</translation>
    </message>
    <message>
        <source>Column mappings</source>
        <translation>列の対応付け</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Discard changes?</source>
        <translation>変更を破棄しますか？</translation>
    </message>
    <message>
        <source>You have unsaved changes. Close without saving them?</source>
        <translation>保存していない変更があります。保存せずに閉じますか？</translation>
    </message>
</context>
<context>
    <name>GridPreviewModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Created</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Created (bulk)</source>
        <translation>一括作成</translation>
    </message>
    <message>
        <source>Changed (bulk)</source>
        <translation>一括変更</translation>
    </message>
    <message>
        <source>Deleted (bulk)</source>
        <translation>一括削除</translation>
    </message>
    <message>
        <source>Restored from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>警察署</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>交番等</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>警察官</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Responsible manager</source>
        <translation>運営責任者の指定</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>委員</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>委嘱</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>次第の項目</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>出席者</translation>
    </message>
    <message>
        <source>Opinion or request</source>
        <translation>意見・要望</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>訪問連絡</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Council area</source>
        <translation>連絡協議会の所管区</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Change history</source>
        <translation>操作履歴</translation>
    </message>
    <message>
        <source>Filter by user, record or value</source>
        <translation>利用者・記録・値で絞り込み</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Record type:</source>
        <translation>対象：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>%1 of %2 entries</source>
        <translation>%2件中%1件</translation>
    </message>
    <message>
        <source> (the newest %1; older entries: kobankyo history)</source>
        <translation>（新しい%1件。それより前は kobankyo history で表示できます）</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import submission bundles</source>
        <translation>提出用バンドルの取り込み</translation>
    </message>
    <message>
        <source>Records are matched by their UUID: importing the same bundle twice changes nothing, and a newer bundle of a station updates what changed. The database is backed up first, and if any file is refused nothing is imported.</source>
        <translation>記録は UUID で照合します。同じバンドルを二度取り込んでも何も変わらず、同じ警察署の新しいバンドルは変更された記録だけを更新します。取り込みの前にデータベースをバックアップし、一つでも取り込めないファイルがあれば何も取り込みません。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>一覧から外す</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取り込みを中止</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Choose submission bundles</source>
        <translation>提出用バンドルを選択</translation>
    </message>
    <message>
        <source>Submission bundles (*.json)</source>
        <translation>提出用バンドル (*.json)</translation>
    </message>
    <message>
        <source>Checking and importing…</source>
        <translation>検査して取り込んでいます…</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>取り込みが完了しました。</translation>
    </message>
    <message>
        <source>Import failed. The database was not changed.</source>
        <translation>取り込めませんでした。データベースは変更していません。</translation>
    </message>
    <message>
        <source>An unexpected error stopped the import. The database was not changed. The details are in the application log.</source>
        <translation>予期しないエラーのため取り込みを中止しました。データベースは変更していません。詳細はアプリケーションのログに記録されています。</translation>
    </message>
    <message>
        <source>Import cancelled. The database was not changed.</source>
        <translation>取り込みを中止しました。データベースは変更していません。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Koban</source>
        <translation>交番</translation>
    </message>
    <message>
        <source>Chuzaisho</source>
        <translation>駐在所</translation>
    </message>
    <message>
        <source>Community patrol</source>
        <translation>地域警ら</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <source>Unit (split)</source>
        <translation>単位（分割）</translation>
    </message>
    <message>
        <source>Unit (merged)</source>
        <translation>単位（統合）</translation>
    </message>
    <message>
        <source>Occupational</source>
        <translation>職種等</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未回答</translation>
    </message>
    <message>
        <source>Under 30</source>
        <translation>30歳未満</translation>
    </message>
    <message>
        <source>30s</source>
        <translation>30代</translation>
    </message>
    <message>
        <source>40s</source>
        <translation>40代</translation>
    </message>
    <message>
        <source>50s</source>
        <translation>50代</translation>
    </message>
    <message>
        <source>60s</source>
        <translation>60代</translation>
    </message>
    <message>
        <source>70 and over</source>
        <translation>70歳以上</translation>
    </message>
    <message>
        <source>Neighbourhood association</source>
        <translation>自治会</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Medical / welfare</source>
        <translation>医療・福祉</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>自治体</translation>
    </message>
    <message>
        <source>Crime prevention group</source>
        <translation>防犯団体</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Traffic safety</source>
        <translation>交通安全</translation>
    </message>
    <message>
        <source>Volunteer probation officer</source>
        <translation>保護司</translation>
    </message>
    <message>
        <source>Legal profession</source>
        <translation>法曹</translation>
    </message>
    <message>
        <source>Other field</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Regular meeting</source>
        <translation>定期会議</translation>
    </message>
    <message>
        <source>Extraordinary meeting</source>
        <translation>臨時会議</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>開催済</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>委員</translation>
    </message>
    <message>
        <source>Operating staff</source>
        <translation>運営担当者</translation>
    </message>
    <message>
        <source>Resident / local body</source>
        <translation>地域住民・関係機関</translation>
    </message>
    <message>
        <source>Police department</source>
        <translation>関係部門</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意見</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>要望</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>交通</translation>
    </message>
    <message>
        <source>Community safety</source>
        <translation>生活安全</translation>
    </message>
    <message>
        <source>Community policing</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Criminal investigation</source>
        <translation>刑事</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>警備</translation>
    </message>
    <message>
        <source>General affairs</source>
        <translation>総務・警務</translation>
    </message>
    <message>
        <source>Other department</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未対応</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>対応中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>委嘱予定</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>在任</translation>
    </message>
    <message>
        <source>Term ending</source>
        <translation>任期満了間近</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>任期切れ</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>退任</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Koban Liaison Councils</source>
        <translation>交番・駐在所連絡協議会</translation>
    </message>
    <message>
        <source>Councils</source>
        <translation>協議会</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>委員</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会議</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>別のデータベースを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>バージョン情報(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Export for headquarters…</source>
        <translation>本部への報告の出力(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import submission bundles…</source>
        <translation>提出用バンドルの取り込み(&amp;I)…</translation>
    </message>
    <message>
        <source>Import from E&amp;xcel / CSV…</source>
        <translation>Excel・CSVから取り込み(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Operation &amp;history</source>
        <translation>操作履歴(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>データベース：%1</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>出力しました：%1</translation>
    </message>
    <message>
        <source>Restored from the backup.</source>
        <translation>バックアップから復元しました。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>バージョン情報</translation>
    </message>
    <message>
        <source>Koban Liaison Councils %1

Supports running koban and chuzaisho liaison councils under the implementation guidelines in force from 1 April 2025.</source>
        <translation>交番・駐在所連絡協議会 %1

令和7年4月1日施行の実施要綱に基づく交番・駐在所連絡協議会の運営を支援します。</translation>
    </message>
</context>
<context>
    <name>ManagerDialog</name>
    <message>
        <source>Designate responsible manager</source>
        <translation>運営責任者の指定</translation>
    </message>
    <message>
        <source>Replaces %1 (their designation ends the day before)</source>
        <translation>%1 の後任として指定する（前任者の指定は前日までとなります）</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>運営責任者</translation>
    </message>
    <message>
        <source>Designated on</source>
        <translation>指定日</translation>
    </message>
    <message>
        <source>Add the officers of the posts covered first.</source>
        <translation>先に対象の交番等の勤務員を登録してください。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Choose the field of each column</source>
        <translation>列ごとの取り込み先</translation>
    </message>
    <message>
        <source>Columns were matched to fields by their headers. Check each one; columns set to “do not import” are left out. Save the mapping to reuse it next time.</source>
        <translation>見出しから各列の取り込み先を推定しました。確認してください。「取り込まない」にした列は取り込みません。対応付けを保存すると、次回同じ形式のファイルで使えます。</translation>
    </message>
    <message>
        <source>Load mapping…</source>
        <translation>対応付けを読み込む…</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>対応付けを保存…</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>見出し</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>例</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>取り込み先</translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation>（取り込まない）</translation>
    </message>
    <message>
        <source>Loaded %1.</source>
        <translation>%1 を読み込みました。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>対応付けの読み込み</translation>
    </message>
    <message>
        <source>Column mappings</source>
        <translation>列の対応付け</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>対応付けの保存</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Save first</source>
        <translation>先に保存してください</translation>
    </message>
    <message>
        <source>Save the meeting first: printouts show what is saved.</source>
        <translation>先に会議を保存してください。印刷されるのは保存済みの内容です。</translation>
    </message>
    <message>
        <source>%1 (abolished)</source>
        <translation>%1（廃止）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>e.g. the community centre, meeting room 1</source>
        <translation>例：市民センター 第1会議室</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>開催理由：</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>基本</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>次第</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>議事概要</translation>
    </message>
    <message>
        <source>Opinions and requests</source>
        <translation>意見・要望</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>開催状況：</translation>
    </message>
    <message>
        <source>Council:</source>
        <translation>連絡協議会：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>種別：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>開催日：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>時間：</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>開催場所：</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>開催理由（必須）：</translation>
    </message>
    <message>
        <source>Why it is called, e.g. a series of bicycle thefts has made residents anxious</source>
        <translation>開催の理由（例：自転車盗が連続して発生し、住民に不安が広がっているため）</translation>
    </message>
    <message>
        <source>Only for an extraordinary meeting</source>
        <translation>臨時会議の場合のみ入力します</translation>
    </message>
    <message>
        <source>An extraordinary meeting is called when needed and does not count as the year&apos;s regular meeting; record why it is called (§6(3)).</source>
        <translation>臨時会議は必要に応じて開催するもので、その年度の定期会議には数えません。開催の理由を記録してください（§6(3)）。</translation>
    </message>
    <message>
        <source>A regular meeting is held at least once a year (§6(2)).</source>
        <translation>定期会議は年1回以上開催します（§6(2)）。</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新規会議</translation>
    </message>
    <message>
        <source>Meeting of %1 on %2</source>
        <translation>%1 %2の会議</translation>
    </message>
    <message>
        <source>Choose the council.</source>
        <translation>連絡協議会を選んでください。</translation>
    </message>
    <message>
        <source>Opinion or request %1: %2</source>
        <translation>意見・要望%1：%2</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Filter by date, place, reason…</source>
        <translation>開催日・開催場所・理由で絞り込み…</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>新規会議…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Council:</source>
        <translation>連絡協議会：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年：</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <source>Fiscal year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>会議の削除</translation>
    </message>
    <message>
        <source>Delete the meeting of %1 on %2? Its agenda, attendance and minutes are deleted; its opinions and requests stay with the council.</source>
        <translation>%2の%1の会議を削除しますか？ 次第・出席者・議事概要は削除されます。意見・要望は連絡協議会の記録として残ります。</translation>
    </message>
    <message>
        <source>Meeting deleted.</source>
        <translation>会議を削除しました。</translation>
    </message>
    <message>
        <source>All councils</source>
        <translation>すべての連絡協議会</translation>
    </message>
    <message>
        <source>%1 (abolished)</source>
        <translation>%1（廃止）</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>すべての年</translation>
    </message>
    <message>
        <source>All fiscal years</source>
        <translation>すべての年度</translation>
    </message>
    <message>
        <source>%1 of %2 meetings</source>
        <translation>%2件中%1件の会議</translation>
    </message>
    <message>
        <source>Meeting saved.</source>
        <translation>会議を保存しました。</translation>
    </message>
    <message>
        <source>Opinion saved.</source>
        <translation>意見・要望を保存しました。</translation>
    </message>
</context>
<context>
    <name>MeetingsTableModel</name>
    <message>
        <source>Date</source>
        <translation>開催日</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>開催状況</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>開催場所</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>出席者数</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>未完了の要望</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>年代</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>分野</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属団体</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>任期開始</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>任期満了</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>残日数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Not appointed</source>
        <translation>未委嘱</translation>
    </message>
    <message>
        <source>Serving (reappointed)</source>
        <translation>在任（再任済み）</translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message>
        <source>All councils</source>
        <translation>すべての連絡協議会</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>在任</translation>
    </message>
    <message>
        <source>Term ending</source>
        <translation>任期満了間近</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>任期切れ</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>委嘱予定</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>退任</translation>
    </message>
    <message>
        <source>Not appointed</source>
        <translation>未委嘱</translation>
    </message>
    <message>
        <source>Search name, reading, organisation…</source>
        <translation>氏名・ふりがな・所属団体で検索…</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>新規登録…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <source>Appoint…</source>
        <translation>委嘱…</translation>
    </message>
    <message>
        <source>Reappoint…</source>
        <translation>再任…</translation>
    </message>
    <message>
        <source>End appointment…</source>
        <translation>解嘱…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>保存しました：%1</translation>
    </message>
    <message>
        <source>Letter of appointment</source>
        <translation>委嘱状</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 を登録しました。</translation>
    </message>
    <message>
        <source>Appoint</source>
        <translation>委嘱</translation>
    </message>
    <message>
        <source>Appoint %1 to a council now?</source>
        <translation>続けて %1 を連絡協議会の委員に委嘱しますか？</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>委員の削除</translation>
    </message>
    <message>
        <source>Delete %1? Only a person entered by mistake can be deleted: anyone with appointments, visits or meeting records is kept.</source>
        <translation>%1 を削除しますか？ 削除できるのは誤って登録した方だけです。委嘱・訪問連絡・会議の記録がある方は削除されません。</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 を削除しました。</translation>
    </message>
    <message>
        <source>That appointment is no longer current: it was reappointed or ended.</source>
        <translation>この委嘱は現在のものではありません（再任又は解嘱済みです）。</translation>
    </message>
    <message>
        <source>%1, %2 of %3</source>
        <translation>%1（%3 %2）</translation>
    </message>
    <message>
        <source>Term: %1 to %2</source>
        <translation>任期：%1から%2まで</translation>
    </message>
    <message>
        <source>The term ended %1 days ago, and neither a reappointment nor the end of the appointment has been recorded.</source>
        <translation>任期は%1日前に満了していますが、再任も解嘱・退任も記録されていません。</translation>
    </message>
    <message>
        <source>The term ends in %1 days.</source>
        <translation>任期満了まで残り%1日です。</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>委嘱</translation>
    </message>
    <message>
        <source>Open details…</source>
        <translation>詳細を開く…</translation>
    </message>
    <message>
        <source>Appointed %1 to %2.</source>
        <translation>%1 を %2 の委員に委嘱しました。</translation>
    </message>
    <message>
        <source>Reappointed %1 until %2.</source>
        <translation>%1 を再任しました（任期満了 %2）。</translation>
    </message>
    <message>
        <source>Ended the appointment of %1 to %2.</source>
        <translation>%1 の %2 委員を解嘱しました。</translation>
    </message>
    <message>
        <source>%1 (abolished)</source>
        <translation>%1（廃止）</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%2件中%1件を表示</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge councils</source>
        <translation>連絡協議会の統合</translation>
    </message>
    <message>
        <source>The serving members move to the new council with their terms unchanged. The merged councils are abolished on the merge date; their meetings and history are kept.</source>
        <translation>在任の委員は、任期はそのままで統合後の連絡協議会に移ります。統合元の連絡協議会は統合日付けで廃止され、会議と履歴の記録は残ります。</translation>
    </message>
    <message>
        <source>Councils to merge</source>
        <translation>統合する連絡協議会</translation>
    </message>
    <message>
        <source>New council name</source>
        <translation>統合後の名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Merged on</source>
        <translation>統合日</translation>
    </message>
</context>
<context>
    <name>MinutesSection</name>
    <message>
        <source>%1Cars drive too fast on the school route.
%2We will step up enforcement.</source>
        <translation>%1通学路で車の速度が出ている。
%2取締りと広報を強化する。</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>%1を挿入</translation>
    </message>
    <message>
        <source>Summarise the proceedings: start each statement on its own line with %1 (what a member said) or %2 (what the police answered).</source>
        <translation>議事の概要を、発言ごとに行を改め、委員の発言は%1、警察の回答は%2で始めて記入してください。</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>New officer</source>
        <translation>勤務員の新規登録</translation>
    </message>
    <message>
        <source>Edit officer</source>
        <translation>勤務員の編集</translation>
    </message>
    <message>
        <source>e.g. Koban chief</source>
        <translation>例：交番所長</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>判明</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>転出済み</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>交番等</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>階級</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>職名</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>着任日</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>転出日</translation>
    </message>
</context>
<context>
    <name>OfficerTableModel</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>交番等</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>階級</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>職名</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <source>Edit opinion or request</source>
        <translation>意見・要望の編集</translation>
    </message>
    <message>
        <source>New opinion or request</source>
        <translation>意見・要望の追加</translation>
    </message>
    <message>
        <source>A short title, e.g. the place concerned</source>
        <translation>件名（例：場所など）</translation>
    </message>
    <message>
        <source>Someone else (enter the name)</source>
        <translation>委員以外（氏名等を入力）</translation>
    </message>
    <message>
        <source>Name, if not a member</source>
        <translation>委員以外の場合の氏名・団体名</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>対応済み</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>区分：</translation>
    </message>
    <message>
        <source>Answering department:</source>
        <translation>担当部門：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>件名：</translation>
    </message>
    <message>
        <source>Content:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Raised by:</source>
        <translation>発言者：</translation>
    </message>
    <message>
        <source>Raised on:</source>
        <translation>受理日：</translation>
    </message>
    <message>
        <source>Action taken / response:</source>
        <translation>措置・対応状況：</translation>
    </message>
    <message>
        <source>Responded on:</source>
        <translation>対応日：</translation>
    </message>
    <message>
        <source>Response status:</source>
        <translation>対応状況：</translation>
    </message>
    <message>
        <source>Record what the police did about it; it can be closed once a response is recorded (§7).</source>
        <translation>警察の措置・対応状況を記録してください。措置・対応状況を入力すると「完了」にできます（§7）。</translation>
    </message>
</context>
<context>
    <name>OpinionDraftsModel</name>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>Answering department</source>
        <translation>担当部門</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>Raised by</source>
        <translation>発言者</translation>
    </message>
    <message>
        <source>Response status</source>
        <translation>対応状況</translation>
    </message>
    <message>
        <source>Responded on</source>
        <translation>対応日</translation>
    </message>
</context>
<context>
    <name>OpinionsSection</name>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Opinions and requests are saved with the meeting. Open ones are shown in red until the police response is recorded.</source>
        <translation>意見・要望は会議と一緒に保存されます。未対応のものは、措置・対応状況を記録するまで赤で表示されます。</translation>
    </message>
    <message>
        <source>(none recorded yet)</source>
        <translation>（未入力）</translation>
    </message>
    <message>
        <source>Action taken / response:</source>
        <translation>措置・対応状況：</translation>
    </message>
</context>
<context>
    <name>OtherAttendeesModel</name>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Name or department</source>
        <translation>氏名・部門名</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>所属機関・団体</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>PersonDetailDialog</name>
    <message>
        <source>Particulars</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading (furigana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>年代</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>分野</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>職業</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属団体</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Edit particulars…</source>
        <translation>基本情報の編集…</translation>
    </message>
    <message>
        <source>Appoint…</source>
        <translation>委嘱…</translation>
    </message>
    <message>
        <source>Reappoint…</source>
        <translation>再任…</translation>
    </message>
    <message>
        <source>End appointment…</source>
        <translation>解嘱…</translation>
    </message>
    <message>
        <source>Record a visit…</source>
        <translation>訪問連絡の記録…</translation>
    </message>
    <message>
        <source>Appointment history</source>
        <translation>委嘱歴</translation>
    </message>
    <message>
        <source>Visit log</source>
        <translation>訪問連絡</translation>
    </message>
    <message>
        <source>%1 — details</source>
        <translation>%1 の詳細</translation>
    </message>
    <message>
        <source>Visit log (%1)</source>
        <translation>訪問連絡（%1件）</translation>
    </message>
    <message>
        <source>Saved the particulars of %1.</source>
        <translation>%1 の基本情報を保存しました。</translation>
    </message>
    <message>
        <source>Appointed %1 to %2.</source>
        <translation>%1 を %2 の委員に委嘱しました。</translation>
    </message>
    <message>
        <source>Reappointed %1 until %2.</source>
        <translation>%1 を再任しました（任期満了 %2）。</translation>
    </message>
    <message>
        <source>Ended the appointment of %1 to %2.</source>
        <translation>%1 の %2 委員を解嘱しました。</translation>
    </message>
    <message>
        <source>Recorded a visit to %1.</source>
        <translation>%1 への訪問連絡を記録しました。</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>New person</source>
        <translation>委員の新規登録</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 の編集</translation>
    </message>
    <message>
        <source>In hiragana or katakana</source>
        <translation>ひらがな又はカタカナで入力</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>判明</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>Particulars</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading (furigana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>年代</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>分野</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>職業</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属団体</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Problems and matches</source>
        <translation>問題・照合</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>任期開始</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>任期満了</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>開催状況</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>出席者数</translation>
    </message>
    <message>
        <source>(2 years)</source>
        <translation>（2年）</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>New post</source>
        <translation>交番等の新規登録</translation>
    </message>
    <message>
        <source>Police station name</source>
        <translation>警察署名</translation>
    </message>
    <message>
        <source>e.g. Ekimae Koban</source>
        <translation>例：駅前交番</translation>
    </message>
    <message>
        <source>Police station</source>
        <translation>警察署</translation>
    </message>
    <message>
        <source>Post name</source>
        <translation>交番等の名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種別</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check every row</source>
        <translation>各行の確認</translation>
    </message>
    <message>
        <source>Show only rows that cannot be imported</source>
        <translation>取り込めない行だけを表示</translation>
    </message>
    <message>
        <source>Import as a new person</source>
        <translation>別の方として新しく登録</translation>
    </message>
    <message>
        <source>Do not use the match for the selected row: enter the person anew.</source>
        <translation>選んだ行を登録済みの方と照合せず、新しい方として登録します。</translation>
    </message>
    <message>
        <source>Rows in red cannot be imported and say why; correct them in the sheet and import it again later. Grey rows are already recorded.</source>
        <translation>赤い行は取り込めません（理由を表示しています）。シートを直して、あとでもう一度取り込んでください。灰色の行は登録済みです。</translation>
    </message>
    <message>
        <source>Blue rows are people already on file: not entered twice.</source>
        <translation>青い行は登録済みの方で、二重には登録しません。</translation>
    </message>
    <message>
        <source>%1 rows: %2 to import (%3 new, %4 matched), %5 already recorded, %6 cannot be imported.</source>
        <translation>全%1行：取り込む行 %2（新規 %3・照合 %4）、登録済み %5、取り込めない行 %6。</translation>
    </message>
    <message>
        <source>%1 rows: %2 to import, %3 already recorded, %4 cannot be imported.</source>
        <translation>全%1行：取り込む行 %2、登録済み %3、取り込めない行 %4。</translation>
    </message>
    <message>
        <source>There is nothing new to import.</source>
        <translation>新たに取り込む行はありません。</translation>
    </message>
    <message>
        <source>Use the match</source>
        <translation>照合を使う</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Contact details included</source>
        <translation>連絡先が含まれています</translation>
    </message>
    <message>
        <source>This document includes members&apos; addresses and telephone numbers (personal information). Handle the printout or PDF accordingly. Continue?</source>
        <translation>この文書には委員の住所・電話番号（個人情報）が含まれます。印刷物やPDFは個人情報として適切に取り扱ってください。続けますか？</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>次第</translation>
    </message>
    <message>
        <source>Agenda with attendees</source>
        <translation>次第（出席者一覧付き）</translation>
    </message>
    <message>
        <source>Meeting record</source>
        <translation>会議録</translation>
    </message>
    <message>
        <source>Notices of meeting</source>
        <translation>開催通知</translation>
    </message>
</context>
<context>
    <name>ReappointDialog</name>
    <message>
        <source>Reappoint %1</source>
        <translation>%1 の再任</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1から%2まで</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記録あり</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Current term</source>
        <translation>現在の任期</translation>
    </message>
    <message>
        <source>New term</source>
        <translation>新しい任期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Consulted with</source>
        <translation>協議先（他部門）</translation>
    </message>
    <message>
        <source>Consulted on</source>
        <translation>協議日</translation>
    </message>
    <message>
        <source>Reappoint</source>
        <translation>再任する</translation>
    </message>
</context>
<context>
    <name>ReminderTableModel</name>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Urgent</source>
        <translation>至急</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>助言</translation>
    </message>
    <message>
        <source>No regular meeting this year</source>
        <translation>定期会議が未開催</translation>
    </message>
    <message>
        <source>Term ending soon</source>
        <translation>任期満了間近</translation>
    </message>
    <message>
        <source>Term lapsed</source>
        <translation>任期切れ</translation>
    </message>
    <message>
        <source>No responsible manager</source>
        <translation>運営責任者が未指定</translation>
    </message>
    <message>
        <source>Request unanswered</source>
        <translation>意見・要望が未対応</translation>
    </message>
    <message>
        <source>Roster not broad</source>
        <translation>委員構成の偏り</translation>
    </message>
</context>
<context>
    <name>RemindersTab</name>
    <message>
        <source>Filter reminders (Ctrl+F)</source>
        <translation>リマインダーを絞り込み（Ctrl+F）</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>対応…</translation>
    </message>
    <message>
        <source>Open what resolves the selected reminder (Enter)</source>
        <translation>選択したリマインダーに対応する画面を開きます（Enter）</translation>
    </message>
    <message>
        <source>Nothing needs attention today.</source>
        <translation>本日対応が必要な事項はありません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 %2件</translation>
    </message>
    <message>
        <source>Reminders — %1</source>
        <translation>リマインダー — %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Choose the backup to return to. The current records are backed up first, so a restore can be undone from this list.</source>
        <translation>戻したいバックアップを選んでください。復元の前に現在の記録をバックアップするので、復元はこの一覧から取り消せます。</translation>
    </message>
    <message>
        <source>There are no backups beside this database yet.</source>
        <translation>このデータベースのバックアップはまだありません。</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>他のファイル…</translation>
    </message>
    <message>
        <source>Restore a backup kept elsewhere, e.g. a USB stick</source>
        <translation>USBメモリなど別の場所にあるバックアップから復元します</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Restore from file</source>
        <translation>ファイルから復元</translation>
    </message>
    <message>
        <source>Databases (*.db);;All files (*)</source>
        <translation>データベース (*.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Replace all records with the backup of %1 (%2)?

The current records are backed up first.</source>
        <translation>すべての記録を %1 のバックアップ（%2）の内容に置き換えますか？

現在の記録は先にバックアップします。</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>復元できません</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Japanese era (令和7年4月1日)</source>
        <translation>和暦（令和7年4月1日）</translation>
    </message>
    <message>
        <source>Western calendar (2025年4月1日)</source>
        <translation>西暦（2025年4月1日）</translation>
    </message>
    <message>
        <source>Fiscal year (April to March)</source>
        <translation>年度（4月～翌年3月）</translation>
    </message>
    <message>
        <source>Calendar year (January to December)</source>
        <translation>暦年（1月～12月）</translation>
    </message>
    <message>
        <source> days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>e.g. Chief of XX Police Station</source>
        <translation>例：○○警察署長</translation>
    </message>
    <message>
        <source>Date display</source>
        <translation>日付の表示</translation>
    </message>
    <message>
        <source>&quot;This year&quot; means</source>
        <translation>「今年」の範囲</translation>
    </message>
    <message>
        <source>Warn of term end</source>
        <translation>任期満了の予告期間</translation>
    </message>
    <message>
        <source>Opinion response deadline</source>
        <translation>意見・要望の対応期限</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>警察署名</translation>
    </message>
    <message>
        <source>Issuer on printouts</source>
        <translation>印刷物の発出者</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>データベースファイル</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>別のデータベースを開く…</translation>
    </message>
</context>
<context>
    <name>SheetImport</name>
    <message>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>Reading (furigana)</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Age (age band)</source>
        <translation>年齢（年代）</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>職業</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>所属団体</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>分野</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Appointed on (term start)</source>
        <translation>委嘱日（任期開始）</translation>
    </message>
    <message>
        <source>Term (start to end)</source>
        <translation>任期（開始～満了）</translation>
    </message>
    <message>
        <source>Term ends on</source>
        <translation>任期満了日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Date held</source>
        <translation>開催日</translation>
    </message>
    <message>
        <source>Kind (regular / extraordinary)</source>
        <translation>種別（定期・臨時）</translation>
    </message>
    <message>
        <source>Status (held / planned / cancelled)</source>
        <translation>開催状況（開催済・予定・中止）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>開催場所</translation>
    </message>
    <message>
        <source>Number of attendees</source>
        <translation>出席者数</translation>
    </message>
    <message>
        <source>Notes / proceedings</source>
        <translation>備考・議事</translation>
    </message>
    <message>
        <source>Reason (extraordinary meeting)</source>
        <translation>開催理由（臨時会議）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>照合</translation>
    </message>
    <message>
        <source>Already recorded</source>
        <translation>登録済み</translation>
    </message>
    <message>
        <source>Not importable</source>
        <translation>取り込めない</translation>
    </message>
</context>
<context>
    <name>SheetImportWizard</name>
    <message>
        <source>Import from Excel / CSV</source>
        <translation>Excel・CSVから取り込み</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Choose the sheet and the header row</source>
        <translation>シートと見出し行の選択</translation>
    </message>
    <message>
        <source>The row with the column headers is highlighted. Rows below it are imported; blank rows are skipped. Click a row to make it the header row.</source>
        <translation>色の付いた行が見出しの行です。これより下の行を取り込みます（空白の行は飛ばします）。行をクリックすると、その行を見出しにします。</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>シート：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>見出しの行：</translation>
    </message>
    <message>
        <source>CSV file, read as %1.</source>
        <translation>CSV ファイル（文字コード：%1）</translation>
    </message>
    <message>
        <source>Excel workbook.</source>
        <translation>Excel ブック</translation>
    </message>
    <message>
        <source>Rows below the header row: %1</source>
        <translation>見出しより下の行：%1行</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>取り込み完了</translation>
    </message>
    <message>
        <source>These rows were not imported. Correct them in the sheet and import it again:</source>
        <translation>次の行は取り込んでいません。シートを直してもう一度取り込んでください（取り込み済みの行は重複しません）：</translation>
    </message>
    <message>
        <source>Recorded %1 appointments in %2 (%3 new people, %4 people already on file).</source>
        <translation>%2に委嘱%1件を登録しました（新しく登録した方 %3人、登録済みの方 %4人）。</translation>
    </message>
    <message>
        <source>Recorded %1 meetings in %2.</source>
        <translation>%2に会議%1件を登録しました。</translation>
    </message>
    <message>
        <source>Backup taken before the import: %1</source>
        <translation>取り込み前のバックアップ：%1</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit to %1</source>
        <translation>%1 への訪問連絡の記録</translation>
    </message>
    <message>
        <source>Choose or type a name</source>
        <translation>選択するか氏名を入力</translation>
    </message>
    <message>
        <source>(not for a particular council)</source>
        <translation>（特定の連絡協議会に限らない）</translation>
    </message>
    <message>
        <source>e.g. notice of the next meeting</source>
        <translation>例：次回会議の開催案内</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>訪問日</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>訪問者（勤務員）</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>連絡協議会</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
<context>
    <name>VisitLogModel</name>
    <message>
        <source>Date</source>
        <translation>訪問日</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>訪問者（勤務員）</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
</context>
</TS>
