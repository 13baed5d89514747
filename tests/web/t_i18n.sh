#!/bin/bash
# t_i18n.sh - Vietnamese pages in Vietnamese (issue 10): the errors of the member, transfer,
# status and review forms and of an import, made in src/core and src/app, in Vietnamese;
# statuses, grades, actors and the audit log's actions in words; dates 06/12/2026 and
# percentages 97,03% on Vietnamese pages, ISO and 97.03% on English ones and in CSV.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib_web.sh"
. "$HERE/lib_forms.sh"

FX=$WORK/fx.db
review_fixture "$FX"
Y=2026 # CADRE_TODAY is 2026-11-23
A=$MEMBER_A S=$MEMBER_SQL A2=$MEMBER_A2 P1=$MEMBER_P1 P2=$MEMBER_P2 P3=$MEMBER_P3

# ---------------------------------------------------------------------------------------------
tcase "form errors made in core and app come in Vietnamese on Vietnamese pages" "$FX"
server_start
HTTP_LANG=vi
login aclerk
post /orgs/A1C/members/new --data-urlencode "full_name=" --data-urlencode sex=female \
	--data-urlencode birth_date=1992-02-30 --data-urlencode ethnicity=Tày \
	--data-urlencode "hometown=Cao Bằng" --data-urlencode admission_decision_date=2018-03-01 \
	--data-urlencode admission_ceremony_date=2018-03-15 --data-urlencode official_date=2018-03-01 \
	--data-urlencode status=official
expect_status 422
expect_valid_html
expect_beside full_name "thiếu họ và tên"
expect_beside official_date "ngày chính thức trước khi hết"
expect_out_lacks "the full name is missing" "is missing" "probation that began"
# the transfer form: an organisation that does not exist
post "/members/$A/transfer" --data-urlencode to=NOWHERE --data-urlencode kind=official \
	--data-urlencode date=2026-11-20
expect_status 422
expect_out_contains "không có tổ chức"
expect_out_lacks "no active organisation" "no organisation has the code"
# the status form: the status the member already has
post "/members/$A/status" --data-urlencode status=official
expect_status 422
expect_beside status "trạng thái của đảng viên đã là"
expect_out_lacks "already"
# the review form over the quota (R-REVIEW-EXCELLENT-QUOTA): the refusal in Vietnamese
grade A1C $Y "$A=excellent" "$S=excellent" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 422
expect_valid_html
expect_out_contains "tối đa chỉ 20% trong số 5 người hoàn thành tốt trở lên"
expect_out_lacks "would be excellent" "rated good or better may be"
# the same refusal on an English page stays English
HTTP_LANG=en
login aclerk
grade A1C $Y "$A=excellent" "$S=excellent" "$A2=good" "$P1=good" "$P2=good" "$P3=complete"
expect_status 422
expect_out_contains "at most 20% of the 5 rated good or better may be, that is 1"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "an import's reasons in Vietnamese; Vietnamese values (nam, nữ, chính thức, dự bị) accepted" "$FX"
cat >bad.csv <<'CSV'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
,A1C,Hoàng Thị Bảy,nữ,1991-02-28,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,Chính thức
,NOWHERE,Vũ Văn Tám,nam,1990-01-01,Kinh,Hà Giang,2015-03-01,2015-03-15,2016-03-15,chinh thuc
,A1C,Lò Văn Chín,x,1990-01-01,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15,dự bị
,A1C,Lò Văn Mười,nam,1990-01-01,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15,đã nghỉ
CSV
server_start
HTTP_LANG=vi
login aclerk
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@bad.csv;type=text/csv"
expect_status 422
expect_valid_html
expect_out_contains "không có tổ chức đang hoạt động nào mang mã này"
expect_out_contains "giới tính phải là nam hoặc nữ"
expect_out_contains "trạng thái phải là dự bị, chính thức"
expect_out_lacks "no active organisation" "sex must be" "status must be"
htmlq text rejected
expect_eq "the rows with a wrong code, sex or status are rejected, not the Vietnamese ones" 3 "$HQ"
cat >good.csv <<'CSV'
id,org_code,full_name,sex,birth_date,ethnicity,hometown,admission_decision_date,admission_ceremony_date,official_date,status
,A1C,Hoàng Thị Bảy,NỮ,1991-02-28,Tày,Cao Bằng,2015-03-01,2015-03-15,2016-03-15,Chính thức
,A1C,Vũ Văn Tám,Nam,1990-01-01,Kinh,Hà Giang,2025-06-01,2025-06-15,,dự bị
,A1C,Lò Thị Mười,nu,1993-01-01,Thái,Sơn La,2015-03-01,2015-03-15,2016-03-15,chinh thuc
CSV
page POST /import -F "csrf=$CSRF" -F kind=members -F "file=@good.csv;type=text/csv"
htmlq text imported
expect_eq "every row with Vietnamese values imported" 3 "$HQ"
cadre --json member search "Hoàng Thị Bảy"
expect_json 'd[0]["sex"] == "female" and d[0]["status"] == "official"' \
	"nữ and chính thức stored as their codes"
cadre --json member search "Vũ Văn Tám"
expect_json 'd[0]["sex"] == "male" and d[0]["status"] == "probationary"' \
	"nam and dự bị stored as their codes"
server_stop

# ---------------------------------------------------------------------------------------------
tcase "codes in words, dates and percentages as Vietnamese writes them; ISO in English and CSV" "$FX"
cadre review member "$A" --year 2025 --grade good --step decision --date 2025-12-20
server_start
HTTP_LANG=vi
login aclerk
page GET "/members/$A"
expect_status 200
expect_valid_html
# statuses, grades and the actor "cli:root" in words
expect_out_contains "Chính thức"
expect_out_contains "Hoàn thành tốt nhiệm vụ"
expect_out_contains "dòng lệnh ("
expect_out_lacks ">official<" ">good<" "cli:"
# dates: the birth date 1990-01-01 and the official date 2016-03-15 of madd
expect_out_contains "01/01/1990"
expect_out_contains "15/03/2016"
expect_out_lacks "1990-01-01<" ">1990-01-01"
HTTP_LANG=en
login aclerk
page GET "/members/$A"
expect_out_contains "1990-01-01"
expect_out_lacks "01/01/1990"
HTTP_LANG=vi
login admin
page GET /audit
expect_status 200
expect_valid_html
expect_out_contains "Mở hồ sơ đảng viên"
expect_out_contains "Quyết định xếp loại đảng viên"
expect_out_contains "Xếp loại: Hoàn thành tốt nhiệm vụ"
expect_out_contains "Điểm: —"
expect_out_contains "(Asia/Ho_Chi_Minh)"
expect_out_lacks ">member.read<" "grade: good" "score: -1" "(UTC)"
# the time of an entry in the server's zone: the datetime is UTC, the text Vietnam's (UTC+7)
expect_true "an instant shown as HH:MM:SS DD/MM/YYYY" \
	grep -qE '<time datetime="[0-9-]{10}T[0-9:]{8}Z">[0-9]{2}:[0-9]{2}:[0-9]{2} [0-9]{2}/[0-9]{2}/[0-9]{4}</time>' "$OUTF"
expect_py '(lambda m: m and (int(m.group(2)) - int(m.group(1))) % 24 == 7)(__import__("re").search(rb"T([0-9]{2}):[0-9:]{5}Z\">([0-9]{2}):", read("'"$OUTF"'")))' \
	"the hour shown is seven hours after UTC"
# percentages: 97,03% on a Vietnamese report, 97.03% on an English one, 97.03 in its CSV
page GET /orgs/A1/report
expect_status 200
expect_true "a Vietnamese percentage with a decimal comma" grep -qE '>[0-9]+,[0-9]{2}%<' "$OUTF"
expect_true "no percentage with a decimal point" bash -c "! grep -qE '>[0-9]+\\.[0-9]{2}%<' '$OUTF'"
HTTP_LANG=en
login admin
page GET /orgs/A1/report
expect_true "an English percentage with a decimal point" grep -qE '>[0-9]+\.[0-9]{2}%<' "$OUTF"
page GET "/orgs/A1/report.csv"
expect_status 200
expect_true "the CSV keeps the decimal point" grep -qE ',[0-9]+\.[0-9]{2}(,|$)' "$OUTF"
expect_out_lacks "/20"
server_stop

done_testing
