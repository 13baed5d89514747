/* vn_data.h - Vietnamese sample data: weighted name, ethnicity, place, rank and post tables.
 *
 * Pure data for generators, demos and tests (no I/O, no randomness: callers draw with
 * src/lib/rng.h). Weights are relative integers within one table; they approximate published
 * frequencies (family names: the usual survey figures, Nguyễn about 38%; ethnic mixes: the
 * 2019 census per province) closely enough for realistic test data, not for statistics.
 * Place names are those in use before the 2025 merger of provinces and abolition of districts,
 * which is what existing personal records (quê quán) hold. */
#ifndef CADRE_VN_DATA_H
#define CADRE_VN_DATA_H

#include <stddef.h>

enum vn_sex { VN_MALE = 0, VN_FEMALE = 1 };

/* One entry of a weighted table. name is UTF-8 NFC; weight > 0. */
struct vn_weighted {
	const char *name;
	unsigned weight;
};

/* A weighted table: n entries at item. */
struct vn_list {
	const struct vn_weighted *item;
	size_t n;
};

/* Sum of the weights of l (0 for an empty list). */
unsigned long vn_list_total(const struct vn_list *l);
/* Index of the entry named name in l (exact bytes), or -1. */
long vn_list_find(const struct vn_list *l, const char *name);

/* ---- names --------------------------------------------------------------------------- */

/* How middle and given names are formed. Every style shares the Kinh family names as a
 * fallback; ethnic groups pick their own family names (struct vn_ethnic). */
enum vn_style {
	VN_STYLE_KINH,   /* Văn / Thị and Sino-Vietnamese given names */
	VN_STYLE_THAI,   /* Văn / Thị, some Thái given names (Thái, Lào, Lự, Khơ Mú, ...) */
	VN_STYLE_HMONG,  /* A, Seo, Mí / Thị, Seo, Mí and H'Mông given names */
	VN_STYLE_DAO,    /* Văn, Láo / Thị, Tả and some Dao given names */
	VN_STYLE_COUNT
};

/* Middle and given names of one style, by enum vn_sex. own_given_pct of people take a given
 * name from given[sex]; the others take one from the Kinh given names (vn_given_kinh). */
struct vn_name_style {
	const char *name;
	struct vn_list middle[2];
	struct vn_list given[2];
	unsigned own_given_pct;
};

extern const struct vn_name_style vn_style[VN_STYLE_COUNT];
/* Kinh family names (the national distribution) and Kinh given names by sex. */
extern const struct vn_list vn_family_kinh;
extern const struct vn_list vn_given_kinh[2];

/* ---- ethnic groups ------------------------------------------------------------------- */

enum vn_ethnic_id {
	VN_ETH_KINH, VN_ETH_TAY, VN_ETH_THAI, VN_ETH_MUONG, VN_ETH_HMONG, VN_ETH_NUNG,
	VN_ETH_DAO, VN_ETH_GIAY, VN_ETH_HANHI, VN_ETH_KHOMU, VN_ETH_LAO, VN_ETH_LACHI,
	VN_ETH_SANCHAY, VN_ETH_SANDIU, VN_ETH_LOLO, VN_ETH_PHULA, VN_ETH_XINHMUN, VN_ETH_LU,
	VN_ETH_KHANG, VN_ETH_LAHU, VN_ETH_KHMER, VN_ETH_HOA,
	VN_ETH_COUNT
};

/* Scale of vn_ethnic.religion weights: an entry of weight w is held by w in 10,000 people
 * of the group; the rest have no religion. */
#define VN_RELIGION_SCALE 10000u

/* One ethnic group as written on the record sheet. own_family_pct of its members carry a
 * family name from family (the group's own); the others a Kinh one. */
struct vn_ethnic {
	const char *name;
	struct vn_list family;
	unsigned own_family_pct;
	enum vn_style style;
	struct vn_list religion;
};

extern const struct vn_ethnic vn_ethnic[VN_ETH_COUNT];

/* Index of the group named name, or -1. */
int vn_ethnic_find(const char *name);

/* ---- places -------------------------------------------------------------------------- */

/* Kind of a district-level unit: huyện, thị xã, thành phố (they name their military
 * commands and party committees differently). */
enum vn_district_kind { VN_DISTRICT_RURAL, VN_DISTRICT_TOWN, VN_DISTRICT_CITY };

struct vn_district {
	const char *name;
	enum vn_district_kind kind;
};

/* Broad zone of a province, which sets its default ethnic mix. */
enum vn_zone { VN_ZONE_MOUNTAIN, VN_ZONE_LOWLAND, VN_ZONE_MEKONG, VN_ZONE_COUNT };

/* Military region of a province (its number) or VN_REGION_CAPITAL (the Capital Command). */
#define VN_REGION_CAPITAL 0

/* A province. abbr is its 1-3 letter code in personal-history numbers (ASCII, unique);
 * id_code the 3-digit prefix of citizen IDs issued there; border is 1 for a province on the
 * land border; home_weight its relative share as a home town; ethnic_mix the weights by
 * enum vn_ethnic_id of its population (NULL: vn_zone_ethnic_mix[zone]). */
struct vn_province {
	const char *name;
	const char *abbr;
	const char *id_code;
	unsigned char region;
	unsigned char border;
	enum vn_zone zone;
	unsigned home_weight;
	const unsigned *ethnic_mix;
	const struct vn_district *district;
	size_t n_district;
};

/* All provinces; the 9 of Military Region 2 come first (VN_MR2_PROVINCES), the five border
 * ones among them first of all: Hà Giang, Lào Cai, Lai Châu, Điện Biên, Sơn La, then Yên Bái,
 * Tuyên Quang, Phú Thọ, Vĩnh Phúc. */
#define VN_MR2_PROVINCES 9
extern const struct vn_province vn_province[];
extern const size_t vn_province_count;
extern const unsigned vn_zone_ethnic_mix[VN_ZONE_COUNT][VN_ETH_COUNT];

/* Index of the province named name, or -1. */
int vn_province_find(const char *name);
/* The ethnic weights of province p (its own mix or its zone's); VN_ETH_COUNT entries. */
const unsigned *vn_province_ethnic_mix(const struct vn_province *p);
/* "thành phố" for the five centrally run cities, else "tỉnh". */
const char *vn_province_kind_name(const struct vn_province *p);
/* "huyện", "thị xã" or "thành phố". */
const char *vn_district_kind_name(enum vn_district_kind k);

/* Commune names for commune-level military party cells: one list for the northern border
 * and mountain areas, one of names common across the lowlands. Names repeat across
 * provinces in reality too. */
extern const struct vn_list vn_commune_mountain;
extern const struct vn_list vn_commune_lowland;

/* ---- the army ------------------------------------------------------------------------ */

/* The committees directly under the Army Party Committee used for sample trees: the
 * military regions (Military Region 2 first), the Capital Command, a service and the Border
 * Guard. region is the military-region number whose provinces it commands, VN_REGION_CAPITAL
 * for the Capital Command, or -1 when it commands no provinces. */
enum vn_command_kind { VN_COMMAND_REGION, VN_COMMAND_SERVICE, VN_COMMAND_BORDER_GUARD };

struct vn_command {
	const char *name;
	enum vn_command_kind kind;
	int region;
};

extern const struct vn_command vn_command[];
extern const size_t vn_command_count;

/* Member categories, in the order of docs/csv.md. */
enum vn_category {
	VN_CAT_OFFICER, VN_CAT_PROFESSIONAL, VN_CAT_SOLDIER, VN_CAT_WORKER, VN_CAT_MILITIA,
	VN_CAT_SELF_DEFENCE, VN_CAT_RESERVE,
	VN_CAT_COUNT
};

/* A category: its CSV code and Vietnamese name; its ranks from lowest to highest (n_rank 0:
 * the category holds no military rank); the posts its members hold; the share of women in
 * it (per cent); and the birth years of its serving members. */
struct vn_category_info {
	const char *code;
	const char *name_vi;
	const char *const *rank;
	size_t n_rank;
	struct vn_list post;
	unsigned female_pct;
	unsigned birth_year_min, birth_year_max;
};

extern const struct vn_category_info vn_category[VN_CAT_COUNT];

/* Officers' posts found only in one kind of unit: border posts, hospitals, schools (the
 * officer category's post list holds the posts found everywhere). */
extern const struct vn_list vn_post_border;
extern const struct vn_list vn_post_medical;
extern const struct vn_list vn_post_school;

/* Every military rank, lowest first (enlisted, officer; professional-soldier and reserve
 * ranks carry the suffix " QNCN" / " dự bị"). */
extern const char *const vn_rank_all[];
extern const size_t vn_rank_all_count;

#endif
