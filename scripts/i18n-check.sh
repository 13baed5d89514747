#!/bin/sh
# i18n-check.sh - every message of the sources has its Vietnamese: extract the message ids with
# xgettext (the keywords below), merge them with the Vietnamese catalogue (all po/vi*.po, as the
# build does) and fail naming each message without a translation, each fuzzy one, and any
# translation whose printf conversions differ from its msgid's (msgfmt --check-format).
# Usage: scripts/i18n-check.sh   (exit 0 when complete; prints "i18n: ok, N messages")
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# The keywords: _(r, s) and TR(r, s) of src/web, N_(s) marks, err_add/err_set formats of
# src/core/err, err_tr/err_tr_lang of translated pieces, the HTTP layer's one-message answers,
# the CSV reader's problems (csv_fail/csv_fatal of src/lib/csv.c). The CLI's command table
# (summaries, option help) marks its texts with N_().
xgettext --from-code=UTF-8 --language=C --no-wrap -k -k_:2 -kTR:2 -kN_ -kerr_tr \
	-kerr_tr_lang:2 -kerr_add:7 -kerr_set:3 -kreply_problem_msg:3 -kanswer_msg:3 -kcsv_fail:3 -kcsv_fatal:4 \
	--flag=err_add:7:c-format --flag=err_set:3:c-format --flag=err_tr:1:c-format \
	--flag=reply_problem_msg:3:c-format --flag=csv_fail:3:c-format --flag=csv_fatal:4:c-format \
	-o "$tmp/cadre.pot" src/*/*.c
# shellcheck disable=SC2046
msgcat --use-first --no-wrap -o "$tmp/vi.po" $(ls po/vi*.po | sort)
msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/merged.po" "$tmp/vi.po" "$tmp/cadre.pot"
msgattrib --untranslated --no-obsolete --no-wrap "$tmp/merged.po" >"$tmp/untranslated.po"
msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/merged.po" >"$tmp/fuzzy.po"
count() { grep -c '^msgid ' "$1" || true; }
total=$(count "$tmp/cadre.pot")
untr=$(count "$tmp/untranslated.po")
fuzzy=$(count "$tmp/fuzzy.po")
# The header entry (msgid "") is in each list when the list is not empty.
[ "$untr" -gt 0 ] && untr=$((untr - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
fail=0
# Name each one: its place in the sources and its msgid.
show() {
	awk -v what="$2" '
		/^#: / { where = $2 }
		/^msgid "/ { id = substr($0, 8, length($0) - 8); if (id != "") printf "i18n: %s: %s: \"%s\"\n", what, where, id }
	' "$1"
}
if [ "$untr" -gt 0 ]; then
	show "$tmp/untranslated.po" "no Vietnamese"
	fail=1
fi
if [ "$fuzzy" -gt 0 ]; then
	show "$tmp/fuzzy.po" "fuzzy"
	fail=1
fi
# Translations keep the msgid's printf conversions (the c-format flags come from the sources).
if ! msgfmt --check --output-file=/dev/null "$tmp/merged.po" 2>"$tmp/check.log"; then
	sed 's/^/i18n: /' "$tmp/check.log"
	fail=1
fi
if [ $fail -ne 0 ]; then
	echo "i18n: $untr of $total messages without Vietnamese, $fuzzy fuzzy (add them to po/vi*.po; see docs/i18n.md)"
	exit 1
fi
echo "i18n: ok, $total messages, each with its Vietnamese"
