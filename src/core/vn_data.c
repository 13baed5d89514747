/* vn_data.c - Vietnamese sample data tables (see vn_data.h for what the weights mean). */
#include "vn_data.h"

#include <string.h>

#define LIST(a) { (a), sizeof(a) / sizeof((a)[0]) }

unsigned long vn_list_total(const struct vn_list *l)
{
	unsigned long total = 0;
	size_t i;

	for (i = 0; i < l->n; i++)
		total += l->item[i].weight;
	return total;
}

long vn_list_find(const struct vn_list *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->item[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* ---- family names -------------------------------------------------------------------- */

/* Per 10,000 Kinh people. Hoàng/Huỳnh and Vũ/Võ are one name written the northern and the
 * southern way; they are listed apart because records spell them apart. */
static const struct vn_weighted family_kinh[] = {
	{ "Nguyễn", 3840 }, { "Trần", 1210 }, { "Lê", 950 }, { "Phạm", 700 },
	{ "Hoàng", 300 }, { "Huỳnh", 210 }, { "Phan", 450 }, { "Vũ", 220 }, { "Võ", 170 },
	{ "Đặng", 210 }, { "Bùi", 200 }, { "Đỗ", 140 }, { "Hồ", 130 }, { "Ngô", 130 },
	{ "Dương", 100 }, { "Lý", 50 },
	{ "Đào", 60 }, { "Đoàn", 60 }, { "Trịnh", 60 }, { "Trương", 60 }, { "Đinh", 60 },
	{ "Hà", 50 }, { "Mai", 40 }, { "Lương", 40 }, { "Cao", 40 }, { "Lâm", 30 },
	{ "Tạ", 30 }, { "Vương", 25 }, { "Lưu", 25 }, { "Phùng", 25 }, { "Tô", 20 },
	{ "Chu", 20 }, { "Kiều", 15 }, { "Thái", 15 }, { "Triệu", 15 }, { "Tống", 15 },
	{ "Đàm", 15 }, { "Lại", 15 }, { "Châu", 15 }, { "Quách", 10 }, { "Tăng", 10 },
	{ "Nghiêm", 10 }, { "Văn", 10 }, { "Thân", 10 }, { "Doãn", 10 }, { "Khổng", 8 },
	{ "Hứa", 8 }, { "Mạc", 8 }, { "Giang", 8 }, { "La", 8 }, { "Đồng", 8 }, { "Phí", 8 },
	{ "Ninh", 8 }, { "Tôn", 5 }, { "Từ", 5 }, { "Khúc", 5 }, { "Âu", 5 }, { "Diệp", 5 },
	{ "Lã", 5 }, { "Kim", 5 }, { "Cù", 5 }, { "Bạch", 5 },
};

/* Thái; also used by the groups that share Thái family names (Lào, Lự, Khơ Mú, Kháng,
 * Xinh Mun). */
static const struct vn_weighted family_thai[] = {
	{ "Lò", 250 }, { "Lường", 100 }, { "Quàng", 100 }, { "Cầm", 100 }, { "Vì", 80 },
	{ "Hà", 100 }, { "Điêu", 50 }, { "Tòng", 50 }, { "Lù", 30 }, { "Bạc", 30 },
	{ "Mè", 20 }, { "Sa", 20 }, { "Lộc", 20 }, { "Hoàng", 20 }, { "Lê", 15 },
};

static const struct vn_weighted family_hmong[] = {
	{ "Giàng", 140 }, { "Vàng", 140 }, { "Sùng", 100 }, { "Thào", 100 }, { "Lý", 80 },
	{ "Ly", 60 }, { "Hờ", 50 }, { "Lầu", 50 }, { "Mùa", 50 }, { "Hạng", 40 },
	{ "Vừ", 40 }, { "Tráng", 30 }, { "Sình", 30 }, { "Hầu", 20 }, { "Cứ", 20 },
	{ "Lồ", 20 }, { "Mua", 20 },
};

/* Tày and Nùng share most family names. */
static const struct vn_weighted family_tay_nung[] = {
	{ "Hoàng", 200 }, { "Nông", 180 }, { "Hà", 80 }, { "Lương", 80 }, { "Ma", 60 },
	{ "Lục", 60 }, { "Triệu", 50 }, { "Bế", 50 }, { "Đàm", 40 }, { "Vi", 40 },
	{ "Lăng", 30 }, { "Hứa", 30 }, { "La", 30 }, { "Lâm", 30 }, { "Quan", 30 },
	{ "Mã", 20 }, { "Chu", 20 }, { "Sầm", 20 }, { "Mông", 15 },
};

static const struct vn_weighted family_dao[] = {
	{ "Triệu", 250 }, { "Bàn", 200 }, { "Lý", 120 }, { "Đặng", 120 }, { "Chảo", 80 },
	{ "Phùng", 60 }, { "Tẩn", 60 }, { "Phàn", 50 }, { "Dương", 30 }, { "Hoàng", 30 },
};

static const struct vn_weighted family_muong[] = {
	{ "Bùi", 300 }, { "Đinh", 200 }, { "Quách", 100 }, { "Hà", 80 }, { "Xa", 50 },
	{ "Cao", 50 }, { "Bạch", 40 }, { "Phạm", 40 },
};

static const struct vn_weighted family_giay[] = {
	{ "Hoàng", 150 }, { "Lò", 100 }, { "Vương", 80 }, { "Lục", 40 }, { "Sần", 30 },
	{ "Lù", 30 },
};

/* Hà Nhì, La Hủ and Lô Lô. */
static const struct vn_weighted family_hanhi[] = {
	{ "Chu", 100 }, { "Lỳ", 100 }, { "Pờ", 60 }, { "Lò", 60 }, { "Phạ", 30 },
	{ "Sìn", 20 }, { "Ly", 20 },
};

static const struct vn_weighted family_lachi[] = {
	{ "Vương", 80 }, { "Lý", 60 }, { "Cáo", 40 }, { "Hoàng", 40 }, { "Thèn", 20 },
};

static const struct vn_weighted family_sanchay[] = {
	{ "Hoàng", 80 }, { "La", 60 }, { "Trần", 50 }, { "Lý", 50 }, { "Đặng", 40 },
	{ "Chu", 30 }, { "Ninh", 30 },
};

static const struct vn_weighted family_sandiu[] = {
	{ "Diệp", 80 }, { "Trương", 60 }, { "Lý", 60 }, { "Lưu", 50 }, { "Tạ", 40 },
	{ "Lam", 40 }, { "La", 30 },
};

static const struct vn_weighted family_khmer[] = {
	{ "Thạch", 250 }, { "Danh", 200 }, { "Sơn", 150 }, { "Kim", 100 }, { "Lâm", 80 },
	{ "Châu", 60 }, { "Lý", 50 }, { "Tăng", 30 },
};

static const struct vn_weighted family_hoa[] = {
	{ "Lý", 100 }, { "Trương", 80 }, { "Lâm", 80 }, { "Quách", 50 }, { "Hứa", 50 },
	{ "Lưu", 50 }, { "Diệp", 40 }, { "Tăng", 40 }, { "Mạc", 30 }, { "Vương", 30 },
};

const struct vn_list vn_family_kinh = LIST(family_kinh);

/* ---- middle names -------------------------------------------------------------------- */

static const struct vn_weighted middle_kinh_male[] = {
	{ "Văn", 300 }, { "Đức", 90 }, { "Đình", 70 }, { "Minh", 60 }, { "Quang", 60 },
	{ "Hữu", 60 }, { "Xuân", 50 }, { "Công", 50 }, { "Thanh", 40 }, { "Ngọc", 30 },
	{ "Trọng", 30 }, { "Duy", 30 }, { "Thế", 30 }, { "Quốc", 30 }, { "Mạnh", 25 },
	{ "Tiến", 25 }, { "Anh", 25 }, { "Hoàng", 20 }, { "Bá", 20 }, { "Huy", 15 },
	{ "Trung", 15 }, { "Việt", 15 }, { "Hồng", 15 }, { "Tuấn", 15 }, { "Khắc", 15 },
	{ "Chí", 15 }, { "Đăng", 10 }, { "Hải", 10 }, { "Sỹ", 10 }, { "Kim", 8 },
	{ "Phú", 8 }, { "Như", 5 }, { "Vĩnh", 5 }, { "Nhật", 5 },
};

/* Two-word middle names ("Nguyễn Thị Thu Hương") are entries of their own. */
static const struct vn_weighted middle_kinh_female[] = {
	{ "Thị", 550 }, { "Thu", 50 }, { "Thanh", 45 }, { "Ngọc", 45 }, { "Hồng", 30 },
	{ "Minh", 25 }, { "Thùy", 25 }, { "Phương", 25 }, { "Kim", 20 }, { "Bích", 15 },
	{ "Hoài", 15 }, { "Thúy", 12 }, { "Diệu", 8 }, { "Mỹ", 8 }, { "Quỳnh", 8 },
	{ "Khánh", 8 }, { "Hải", 8 }, { "Lan", 8 }, { "Mai", 8 }, { "Vân", 8 }, { "Bảo", 6 },
	{ "Thị Thu", 25 }, { "Thị Thanh", 20 }, { "Thị Hồng", 15 }, { "Thị Ngọc", 12 },
	{ "Thị Minh", 10 }, { "Thị Kim", 10 }, { "Thị Thúy", 8 }, { "Thị Thùy", 8 },
	{ "Thị Phương", 6 }, { "Thị Hải", 6 },
};

static const struct vn_weighted middle_thai_male[] = {
	{ "Văn", 900 }, { "Đức", 30 }, { "Xuân", 20 }, { "Quang", 20 }, { "Thanh", 20 },
};

static const struct vn_weighted middle_thai_female[] = {
	{ "Thị", 950 }, { "Thu", 20 }, { "Thanh", 20 }, { "Ngọc", 10 },
};

static const struct vn_weighted middle_hmong_male[] = {
	{ "A", 350 }, { "Seo", 250 }, { "Văn", 300 }, { "Mí", 50 }, { "Chẩn", 20 },
};

static const struct vn_weighted middle_hmong_female[] = {
	{ "Thị", 550 }, { "Mí", 250 }, { "Seo", 200 },
};

static const struct vn_weighted middle_dao_male[] = {
	{ "Văn", 750 }, { "Láo", 120 }, { "Seo", 80 }, { "Quang", 50 },
};

static const struct vn_weighted middle_dao_female[] = {
	{ "Thị", 850 }, { "Tả", 150 },
};

/* ---- given names --------------------------------------------------------------------- */

static const struct vn_weighted given_kinh_male[] = {
	{ "Hùng", 30 }, { "Dũng", 30 }, { "Tuấn", 30 }, { "Minh", 28 }, { "Đức", 28 },
	{ "Hải", 26 }, { "Nam", 24 }, { "Sơn", 24 }, { "Thắng", 22 }, { "Hưng", 20 },
	{ "Quang", 20 }, { "Long", 20 }, { "Anh", 20 }, { "Cường", 18 }, { "Trung", 18 },
	{ "Thành", 18 }, { "Huy", 18 }, { "Hoàng", 16 }, { "Việt", 16 }, { "Tùng", 15 },
	{ "Tiến", 15 }, { "Bình", 14 }, { "Chiến", 12 }, { "Phong", 12 }, { "Khánh", 12 },
	{ "Kiên", 12 }, { "Mạnh", 12 }, { "Hiếu", 12 }, { "Toàn", 12 }, { "Quân", 12 },
	{ "Duy", 12 }, { "Đạt", 12 }, { "Thanh", 10 }, { "Vinh", 10 }, { "Nghĩa", 10 },
	{ "Trường", 10 }, { "Hiệp", 8 }, { "Tâm", 8 }, { "Tài", 8 }, { "Phúc", 8 },
	{ "Lâm", 8 }, { "Lộc", 8 }, { "Phương", 8 }, { "Công", 8 }, { "Thịnh", 8 },
	{ "Tú", 8 }, { "Hòa", 8 }, { "Định", 6 }, { "Đông", 6 }, { "Giang", 6 },
	{ "Hậu", 6 }, { "Khoa", 6 }, { "Linh", 6 }, { "Quý", 6 }, { "Quyết", 6 },
	{ "Thái", 6 }, { "Thuận", 6 }, { "Vũ", 6 }, { "Bảo", 6 }, { "Dương", 6 },
	{ "Tân", 6 }, { "Luân", 4 }, { "Ngọc", 4 }, { "Nhật", 4 }, { "Hiển", 4 },
	{ "Lực", 4 }, { "Sang", 4 }, { "Thọ", 4 }, { "Lợi", 4 }, { "Khải", 3 },
};

static const struct vn_weighted given_kinh_female[] = {
	{ "Hương", 30 }, { "Lan", 28 }, { "Mai", 26 }, { "Hằng", 26 }, { "Hà", 24 },
	{ "Trang", 24 }, { "Linh", 22 }, { "Thảo", 20 }, { "Huyền", 20 }, { "Thủy", 20 },
	{ "Nga", 18 }, { "Phương", 18 }, { "Hoa", 18 }, { "Ánh", 14 }, { "Dung", 14 },
	{ "Yến", 14 }, { "Ngọc", 14 }, { "Hiền", 14 }, { "Anh", 12 }, { "Nhung", 12 },
	{ "Hạnh", 12 }, { "Hồng", 12 }, { "Vân", 12 }, { "Loan", 10 }, { "Thu", 10 },
	{ "Liên", 10 }, { "Quỳnh", 10 }, { "Thúy", 10 }, { "Giang", 10 }, { "Oanh", 8 },
	{ "Tâm", 8 }, { "Chi", 8 }, { "Huệ", 8 }, { "Duyên", 8 }, { "Ly", 8 },
	{ "Ngân", 8 }, { "Tuyết", 8 }, { "Xuân", 8 }, { "Hường", 8 }, { "Thanh", 8 },
	{ "Nhàn", 6 }, { "Hảo", 6 }, { "Thơm", 6 }, { "Bích", 6 }, { "My", 6 },
	{ "Thắm", 6 }, { "Uyên", 6 }, { "Thoa", 6 }, { "Lụa", 4 }, { "Trâm", 4 },
	{ "Luyến", 4 }, { "Liễu", 4 }, { "Dịu", 4 }, { "Diệp", 3 }, { "Lý", 3 },
};

static const struct vn_weighted given_thai_male[] = {
	{ "Chăn", 10 }, { "Khăm", 10 }, { "Xiêng", 8 }, { "Inh", 8 }, { "Ban", 8 },
	{ "Piêng", 6 }, { "Pánh", 6 }, { "Ơn", 6 }, { "Hặc", 5 }, { "Lả", 5 },
};

static const struct vn_weighted given_thai_female[] = {
	{ "Ỏn", 10 }, { "Bua", 8 }, { "Xiêng", 8 }, { "Khăm", 8 }, { "Pọm", 6 },
	{ "Ín", 6 }, { "Ơn", 6 }, { "Ngoan", 8 },
};

static const struct vn_weighted given_hmong_male[] = {
	{ "Páo", 80 }, { "Sính", 60 }, { "Chứ", 60 }, { "Lử", 50 }, { "Phử", 40 },
	{ "Chơ", 40 }, { "Tủa", 40 }, { "Sử", 40 }, { "Dế", 30 }, { "Pó", 30 },
	{ "Dình", 30 }, { "Cở", 30 }, { "Chư", 30 }, { "Vư", 30 }, { "Chinh", 30 },
	{ "Sáng", 30 }, { "Nủ", 20 }, { "Súa", 20 }, { "Giống", 20 },
};

static const struct vn_weighted given_hmong_female[] = {
	{ "Mỷ", 60 }, { "Dua", 50 }, { "Sua", 40 }, { "Dính", 40 }, { "Chá", 30 },
	{ "Pàng", 30 }, { "Dợ", 30 }, { "Súa", 30 }, { "Chía", 30 }, { "Máy", 30 },
	{ "Say", 30 }, { "Pà", 30 }, { "Mai", 30 }, { "Sinh", 30 }, { "Dí", 20 },
};

static const struct vn_weighted given_dao_male[] = {
	{ "Lở", 10 }, { "Quẩy", 8 }, { "Sài", 8 }, { "Phin", 6 }, { "Kiềm", 6 }, { "Vần", 6 },
};

static const struct vn_weighted given_dao_female[] = {
	{ "Mẩy", 10 }, { "Chiêm", 8 }, { "Mụi", 6 }, { "Lìu", 6 },
};

const struct vn_list vn_given_kinh[2] = { LIST(given_kinh_male), LIST(given_kinh_female) };

const struct vn_name_style vn_style[VN_STYLE_COUNT] = {
	[VN_STYLE_KINH] = { "Kinh",
		{ LIST(middle_kinh_male), LIST(middle_kinh_female) },
		{ LIST(given_kinh_male), LIST(given_kinh_female) }, 100 },
	[VN_STYLE_THAI] = { "Thái",
		{ LIST(middle_thai_male), LIST(middle_thai_female) },
		{ LIST(given_thai_male), LIST(given_thai_female) }, 30 },
	[VN_STYLE_HMONG] = { "H'Mông",
		{ LIST(middle_hmong_male), LIST(middle_hmong_female) },
		{ LIST(given_hmong_male), LIST(given_hmong_female) }, 75 },
	[VN_STYLE_DAO] = { "Dao",
		{ LIST(middle_dao_male), LIST(middle_dao_female) },
		{ LIST(given_dao_male), LIST(given_dao_female) }, 20 },
};

/* ---- ethnic groups ------------------------------------------------------------------- */

static const struct vn_weighted religion_kinh[] = { { "Phật giáo", 150 }, { "Công giáo", 80 } };
static const struct vn_weighted religion_hmong[] = { { "Tin lành", 150 } };
static const struct vn_weighted religion_khmer[] = { { "Phật giáo", 4000 } };
static const struct vn_weighted religion_hoa[] = { { "Phật giáo", 300 } };

const struct vn_ethnic vn_ethnic[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = { "Kinh", LIST(family_kinh), 100, VN_STYLE_KINH, LIST(religion_kinh) },
	[VN_ETH_TAY] = { "Tày", LIST(family_tay_nung), 75, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_THAI] = { "Thái", LIST(family_thai), 90, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_MUONG] = { "Mường", LIST(family_muong), 85, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_HMONG] = { "H'Mông", LIST(family_hmong), 98, VN_STYLE_HMONG,
		LIST(religion_hmong) },
	[VN_ETH_NUNG] = { "Nùng", LIST(family_tay_nung), 75, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_DAO] = { "Dao", LIST(family_dao), 90, VN_STYLE_DAO, { NULL, 0 } },
	[VN_ETH_GIAY] = { "Giáy", LIST(family_giay), 80, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_HANHI] = { "Hà Nhì", LIST(family_hanhi), 90, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_KHOMU] = { "Khơ Mú", LIST(family_thai), 85, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_LAO] = { "Lào", LIST(family_thai), 90, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_LACHI] = { "La Chí", LIST(family_lachi), 85, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_SANCHAY] = { "Sán Chay", LIST(family_sanchay), 70, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_SANDIU] = { "Sán Dìu", LIST(family_sandiu), 70, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_LOLO] = { "Lô Lô", LIST(family_hanhi), 80, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_PHULA] = { "Phù Lá", LIST(family_hmong), 70, VN_STYLE_KINH, { NULL, 0 } },
	[VN_ETH_XINHMUN] = { "Xinh Mun", LIST(family_thai), 85, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_LU] = { "Lự", LIST(family_thai), 85, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_KHANG] = { "Kháng", LIST(family_thai), 85, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_LAHU] = { "La Hủ", LIST(family_hanhi), 85, VN_STYLE_THAI, { NULL, 0 } },
	[VN_ETH_KHMER] = { "Khmer", LIST(family_khmer), 90, VN_STYLE_KINH,
		LIST(religion_khmer) },
	[VN_ETH_HOA] = { "Hoa", LIST(family_hoa), 80, VN_STYLE_KINH, LIST(religion_hoa) },
};

int vn_ethnic_find(const char *name)
{
	int i;

	for (i = 0; i < VN_ETH_COUNT; i++)
		if (strcmp(vn_ethnic[i].name, name) == 0)
			return i;
	return -1;
}

/* ---- ethnic mixes (per 10,000 people, after the 2019 census, rounded) ---------------- */

const unsigned vn_zone_ethnic_mix[VN_ZONE_COUNT][VN_ETH_COUNT] = {
	[VN_ZONE_MOUNTAIN] = {
		[VN_ETH_KINH] = 3500, [VN_ETH_TAY] = 2500, [VN_ETH_NUNG] = 1800,
		[VN_ETH_DAO] = 800, [VN_ETH_HMONG] = 800, [VN_ETH_MUONG] = 300,
		[VN_ETH_THAI] = 200, [VN_ETH_SANCHAY] = 100,
	},
	[VN_ZONE_LOWLAND] = {
		[VN_ETH_KINH] = 9700, [VN_ETH_MUONG] = 120, [VN_ETH_THAI] = 60,
		[VN_ETH_TAY] = 40, [VN_ETH_NUNG] = 20, [VN_ETH_HOA] = 20, [VN_ETH_DAO] = 10,
		[VN_ETH_SANDIU] = 10, [VN_ETH_HMONG] = 10, [VN_ETH_KHMER] = 10,
	},
	[VN_ZONE_MEKONG] = {
		[VN_ETH_KINH] = 9200, [VN_ETH_KHMER] = 650, [VN_ETH_HOA] = 150,
	},
};

static const unsigned mix_ha_giang[VN_ETH_COUNT] = {
	[VN_ETH_HMONG] = 3400, [VN_ETH_TAY] = 2300, [VN_ETH_DAO] = 1500, [VN_ETH_KINH] = 1300,
	[VN_ETH_NUNG] = 950, [VN_ETH_GIAY] = 200, [VN_ETH_LACHI] = 150, [VN_ETH_PHULA] = 50,
	[VN_ETH_LOLO] = 50, [VN_ETH_HOA] = 50,
};

static const unsigned mix_lao_cai[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 3500, [VN_ETH_HMONG] = 2550, [VN_ETH_TAY] = 1500, [VN_ETH_DAO] = 1400,
	[VN_ETH_GIAY] = 480, [VN_ETH_NUNG] = 400, [VN_ETH_PHULA] = 100, [VN_ETH_HANHI] = 60,
};

static const unsigned mix_lai_chau[VN_ETH_COUNT] = {
	[VN_ETH_THAI] = 3300, [VN_ETH_HMONG] = 2500, [VN_ETH_KINH] = 1500, [VN_ETH_DAO] = 1350,
	[VN_ETH_GIAY] = 400, [VN_ETH_HANHI] = 360, [VN_ETH_LAHU] = 240, [VN_ETH_LU] = 150,
	[VN_ETH_KHOMU] = 100, [VN_ETH_KHANG] = 50,
};

static const unsigned mix_dien_bien[VN_ETH_COUNT] = {
	[VN_ETH_THAI] = 3700, [VN_ETH_HMONG] = 3600, [VN_ETH_KINH] = 1700, [VN_ETH_KHOMU] = 350,
	[VN_ETH_DAO] = 120, [VN_ETH_LAO] = 120, [VN_ETH_HANHI] = 70, [VN_ETH_KHANG] = 50,
};

static const unsigned mix_son_la[VN_ETH_COUNT] = {
	[VN_ETH_THAI] = 5300, [VN_ETH_KINH] = 1700, [VN_ETH_HMONG] = 1700, [VN_ETH_MUONG] = 750,
	[VN_ETH_XINHMUN] = 250, [VN_ETH_DAO] = 150, [VN_ETH_KHOMU] = 130, [VN_ETH_KHANG] = 80,
	[VN_ETH_LAO] = 40,
};

static const unsigned mix_yen_bai[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 4700, [VN_ETH_TAY] = 1900, [VN_ETH_DAO] = 1100, [VN_ETH_HMONG] = 1100,
	[VN_ETH_THAI] = 600, [VN_ETH_MUONG] = 150, [VN_ETH_NUNG] = 120, [VN_ETH_GIAY] = 50,
	[VN_ETH_KHOMU] = 30, [VN_ETH_PHULA] = 30,
};

static const unsigned mix_tuyen_quang[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 4600, [VN_ETH_TAY] = 2500, [VN_ETH_DAO] = 1200, [VN_ETH_SANCHAY] = 800,
	[VN_ETH_HMONG] = 220, [VN_ETH_NUNG] = 200, [VN_ETH_SANDIU] = 140, [VN_ETH_HOA] = 20,
};

static const unsigned mix_phu_tho[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 8500, [VN_ETH_MUONG] = 1350, [VN_ETH_DAO] = 80, [VN_ETH_TAY] = 40,
	[VN_ETH_SANCHAY] = 30,
};

static const unsigned mix_vinh_phuc[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 9550, [VN_ETH_SANDIU] = 350, [VN_ETH_NUNG] = 30, [VN_ETH_TAY] = 30,
	[VN_ETH_DAO] = 20, [VN_ETH_MUONG] = 20,
};

static const unsigned mix_cao_bang[VN_ETH_COUNT] = {
	[VN_ETH_TAY] = 4000, [VN_ETH_NUNG] = 3100, [VN_ETH_HMONG] = 1100, [VN_ETH_DAO] = 1000,
	[VN_ETH_KINH] = 500, [VN_ETH_SANCHAY] = 100, [VN_ETH_LOLO] = 20,
};

static const unsigned mix_lang_son[VN_ETH_COUNT] = {
	[VN_ETH_NUNG] = 4200, [VN_ETH_TAY] = 3500, [VN_ETH_KINH] = 1600, [VN_ETH_DAO] = 350,
	[VN_ETH_SANCHAY] = 100, [VN_ETH_HOA] = 50, [VN_ETH_HMONG] = 50,
};

static const unsigned mix_hoa_binh[VN_ETH_COUNT] = {
	[VN_ETH_MUONG] = 6300, [VN_ETH_KINH] = 2700, [VN_ETH_THAI] = 400, [VN_ETH_DAO] = 200,
	[VN_ETH_TAY] = 200, [VN_ETH_HMONG] = 50,
};

static const unsigned mix_thai_nguyen[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 7300, [VN_ETH_TAY] = 1100, [VN_ETH_NUNG] = 500, [VN_ETH_SANDIU] = 400,
	[VN_ETH_SANCHAY] = 300, [VN_ETH_DAO] = 200, [VN_ETH_HMONG] = 50, [VN_ETH_HOA] = 50,
};

static const unsigned mix_bac_kan[VN_ETH_COUNT] = {
	[VN_ETH_TAY] = 5200, [VN_ETH_KINH] = 1200, [VN_ETH_DAO] = 1700, [VN_ETH_NUNG] = 900,
	[VN_ETH_HMONG] = 800, [VN_ETH_SANCHAY] = 50, [VN_ETH_HOA] = 50,
};

static const unsigned mix_bac_giang[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 8800, [VN_ETH_NUNG] = 450, [VN_ETH_TAY] = 250, [VN_ETH_SANCHAY] = 200,
	[VN_ETH_SANDIU] = 100, [VN_ETH_HOA] = 100, [VN_ETH_DAO] = 100,
};

static const unsigned mix_quang_ninh[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 8800, [VN_ETH_DAO] = 500, [VN_ETH_TAY] = 300, [VN_ETH_SANDIU] = 200,
	[VN_ETH_SANCHAY] = 100, [VN_ETH_HOA] = 50, [VN_ETH_NUNG] = 50,
};

static const unsigned mix_thanh_hoa[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 8400, [VN_ETH_MUONG] = 900, [VN_ETH_THAI] = 600, [VN_ETH_HMONG] = 50,
	[VN_ETH_DAO] = 30, [VN_ETH_KHOMU] = 20,
};

static const unsigned mix_nghe_an[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 8600, [VN_ETH_THAI] = 1000, [VN_ETH_KHOMU] = 130, [VN_ETH_HMONG] = 120,
	[VN_ETH_MUONG] = 50, [VN_ETH_HOA] = 10,
};

static const unsigned mix_kien_giang[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 8500, [VN_ETH_KHMER] = 1250, [VN_ETH_HOA] = 250,
};

static const unsigned mix_soc_trang[VN_ETH_COUNT] = {
	[VN_ETH_KINH] = 6400, [VN_ETH_KHMER] = 3000, [VN_ETH_HOA] = 600,
};

/* ---- provinces and districts --------------------------------------------------------- */

#define RURAL(n) { n, VN_DISTRICT_RURAL }
#define TOWN(n) { n, VN_DISTRICT_TOWN }
#define CITY(n) { n, VN_DISTRICT_CITY }

static const struct vn_district d_ha_giang[] = {
	RURAL("Đồng Văn"), RURAL("Mèo Vạc"), RURAL("Yên Minh"), RURAL("Quản Bạ"),
	RURAL("Vị Xuyên"), RURAL("Bắc Mê"), RURAL("Hoàng Su Phì"), RURAL("Xín Mần"),
	RURAL("Bắc Quang"), RURAL("Quang Bình"), CITY("Hà Giang"),
};
static const struct vn_district d_lao_cai[] = {
	RURAL("Bát Xát"), RURAL("Mường Khương"), RURAL("Si Ma Cai"), RURAL("Bắc Hà"),
	RURAL("Bảo Thắng"), RURAL("Bảo Yên"), TOWN("Sa Pa"), RURAL("Văn Bàn"), CITY("Lào Cai"),
};
static const struct vn_district d_lai_chau[] = {
	RURAL("Mường Tè"), RURAL("Phong Thổ"), RURAL("Sìn Hồ"), RURAL("Tam Đường"),
	RURAL("Than Uyên"), RURAL("Tân Uyên"), RURAL("Nậm Nhùn"), CITY("Lai Châu"),
};
static const struct vn_district d_dien_bien[] = {
	RURAL("Mường Nhé"), RURAL("Nậm Pồ"), RURAL("Mường Chà"), RURAL("Tủa Chùa"),
	RURAL("Tuần Giáo"), RURAL("Điện Biên"), RURAL("Điện Biên Đông"), RURAL("Mường Ảng"),
	TOWN("Mường Lay"), CITY("Điện Biên Phủ"),
};
static const struct vn_district d_son_la[] = {
	RURAL("Sốp Cộp"), RURAL("Sông Mã"), RURAL("Mộc Châu"), RURAL("Vân Hồ"),
	RURAL("Yên Châu"), RURAL("Mai Sơn"), RURAL("Thuận Châu"), RURAL("Quỳnh Nhai"),
	RURAL("Mường La"), RURAL("Bắc Yên"), RURAL("Phù Yên"), CITY("Sơn La"),
};
static const struct vn_district d_yen_bai[] = {
	RURAL("Lục Yên"), RURAL("Văn Yên"), RURAL("Mù Cang Chải"), RURAL("Trạm Tấu"),
	RURAL("Văn Chấn"), RURAL("Yên Bình"), RURAL("Trấn Yên"), TOWN("Nghĩa Lộ"),
	CITY("Yên Bái"),
};
static const struct vn_district d_tuyen_quang[] = {
	RURAL("Lâm Bình"), RURAL("Na Hang"), RURAL("Chiêm Hóa"), RURAL("Hàm Yên"),
	RURAL("Yên Sơn"), RURAL("Sơn Dương"), CITY("Tuyên Quang"),
};
static const struct vn_district d_phu_tho[] = {
	RURAL("Đoan Hùng"), RURAL("Hạ Hòa"), RURAL("Thanh Ba"), RURAL("Phù Ninh"),
	RURAL("Yên Lập"), RURAL("Cẩm Khê"), RURAL("Tam Nông"), RURAL("Lâm Thao"),
	RURAL("Thanh Sơn"), RURAL("Tân Sơn"), RURAL("Thanh Thủy"), CITY("Việt Trì"),
	TOWN("Phú Thọ"),
};
static const struct vn_district d_vinh_phuc[] = {
	RURAL("Lập Thạch"), RURAL("Sông Lô"), RURAL("Tam Dương"), RURAL("Tam Đảo"),
	RURAL("Bình Xuyên"), RURAL("Yên Lạc"), RURAL("Vĩnh Tường"), CITY("Vĩnh Yên"),
	CITY("Phúc Yên"),
};
static const struct vn_district d_ha_noi[] = {
	RURAL("Ba Vì"), RURAL("Sóc Sơn"), RURAL("Đông Anh"), RURAL("Thanh Oai"),
	RURAL("Ứng Hòa"), RURAL("Mỹ Đức"), RURAL("Chương Mỹ"), RURAL("Thường Tín"),
};
static const struct vn_district d_hai_phong[] = {
	RURAL("Thủy Nguyên"), RURAL("An Lão"), RURAL("Tiên Lãng"), RURAL("Vĩnh Bảo"),
	RURAL("Kiến Thụy"),
};
static const struct vn_district d_nam_dinh[] = {
	RURAL("Hải Hậu"), RURAL("Giao Thủy"), RURAL("Xuân Trường"), RURAL("Nghĩa Hưng"),
	RURAL("Ý Yên"), RURAL("Trực Ninh"),
};
static const struct vn_district d_thai_binh[] = {
	RURAL("Quỳnh Phụ"), RURAL("Hưng Hà"), RURAL("Thái Thụy"), RURAL("Tiền Hải"),
	RURAL("Kiến Xương"), RURAL("Vũ Thư"), RURAL("Đông Hưng"),
};
static const struct vn_district d_ha_nam[] = {
	RURAL("Lý Nhân"), RURAL("Thanh Liêm"), RURAL("Bình Lục"), RURAL("Kim Bảng"),
};
static const struct vn_district d_ninh_binh[] = {
	RURAL("Kim Sơn"), RURAL("Yên Khánh"), RURAL("Nho Quan"), RURAL("Gia Viễn"),
};
static const struct vn_district d_thanh_hoa[] = {
	RURAL("Nga Sơn"), RURAL("Hậu Lộc"), RURAL("Hoằng Hóa"), RURAL("Thọ Xuân"),
	RURAL("Triệu Sơn"), RURAL("Quan Hóa"), RURAL("Bá Thước"), RURAL("Thạch Thành"),
};
static const struct vn_district d_nghe_an[] = {
	RURAL("Diễn Châu"), RURAL("Quỳnh Lưu"), RURAL("Yên Thành"), RURAL("Nghi Lộc"),
	RURAL("Nam Đàn"), RURAL("Đô Lương"), RURAL("Thanh Chương"), RURAL("Kỳ Sơn"),
	RURAL("Tương Dương"),
};
static const struct vn_district d_ha_tinh[] = {
	RURAL("Can Lộc"), RURAL("Đức Thọ"), RURAL("Hương Sơn"), RURAL("Thạch Hà"),
	RURAL("Cẩm Xuyên"),
};
static const struct vn_district d_quang_binh[] = {
	RURAL("Lệ Thủy"), RURAL("Quảng Ninh"), RURAL("Bố Trạch"), RURAL("Tuyên Hóa"),
};
static const struct vn_district d_hai_duong[] = {
	TOWN("Kinh Môn"), RURAL("Nam Sách"), RURAL("Thanh Hà"), RURAL("Gia Lộc"),
	RURAL("Ninh Giang"),
};
static const struct vn_district d_hung_yen[] = {
	RURAL("Khoái Châu"), RURAL("Văn Giang"), RURAL("Kim Động"), RURAL("Phù Cừ"),
};
static const struct vn_district d_bac_ninh[] = {
	RURAL("Tiên Du"), RURAL("Gia Bình"), RURAL("Lương Tài"), RURAL("Quế Võ"),
};
static const struct vn_district d_bac_giang[] = {
	RURAL("Lục Nam"), RURAL("Lục Ngạn"), RURAL("Yên Thế"), RURAL("Hiệp Hòa"),
	RURAL("Sơn Động"),
};
static const struct vn_district d_thai_nguyen[] = {
	RURAL("Đại Từ"), RURAL("Định Hóa"), RURAL("Phú Lương"), RURAL("Võ Nhai"),
	RURAL("Phú Bình"),
};
static const struct vn_district d_cao_bang[] = {
	RURAL("Hà Quảng"), RURAL("Trùng Khánh"), RURAL("Quảng Hòa"), RURAL("Bảo Lạc"),
	RURAL("Nguyên Bình"),
};
static const struct vn_district d_lang_son[] = {
	RURAL("Cao Lộc"), RURAL("Văn Lãng"), RURAL("Tràng Định"), RURAL("Lộc Bình"),
	RURAL("Đình Lập"),
};
static const struct vn_district d_quang_ninh[] = {
	CITY("Móng Cái"), RURAL("Hải Hà"), RURAL("Bình Liêu"), RURAL("Tiên Yên"),
	TOWN("Đông Triều"),
};
static const struct vn_district d_hoa_binh[] = {
	RURAL("Mai Châu"), RURAL("Tân Lạc"), RURAL("Lạc Sơn"), RURAL("Kim Bôi"),
	RURAL("Đà Bắc"),
};
static const struct vn_district d_bac_kan[] = {
	RURAL("Ba Bể"), RURAL("Ngân Sơn"), RURAL("Chợ Đồn"), RURAL("Na Rì"),
};
static const struct vn_district d_quang_tri[] = {
	RURAL("Hướng Hóa"), RURAL("Gio Linh"), RURAL("Vĩnh Linh"), RURAL("Hải Lăng"),
	RURAL("Triệu Phong"),
};
static const struct vn_district d_hue[] = {
	RURAL("Phong Điền"), RURAL("Quảng Điền"), RURAL("Phú Vang"), RURAL("A Lưới"),
};
static const struct vn_district d_da_nang[] = {
	RURAL("Hòa Vang"),
};
static const struct vn_district d_quang_nam[] = {
	TOWN("Điện Bàn"), RURAL("Duy Xuyên"), RURAL("Thăng Bình"), RURAL("Núi Thành"),
};
static const struct vn_district d_quang_ngai[] = {
	RURAL("Bình Sơn"), RURAL("Sơn Tịnh"), RURAL("Tư Nghĩa"), RURAL("Mộ Đức"),
};
static const struct vn_district d_binh_dinh[] = {
	TOWN("Hoài Nhơn"), RURAL("Phù Cát"), RURAL("Tây Sơn"), RURAL("Tuy Phước"),
};
static const struct vn_district d_khanh_hoa[] = {
	RURAL("Vạn Ninh"), TOWN("Ninh Hòa"), RURAL("Diên Khánh"), RURAL("Cam Lâm"),
};
static const struct vn_district d_dak_lak[] = {
	RURAL("Krông Pắc"), RURAL("Ea Kar"), RURAL("Cư M'gar"), RURAL("Krông Búk"),
};
static const struct vn_district d_gia_lai[] = {
	RURAL("Chư Prông"), RURAL("Chư Sê"), RURAL("Đức Cơ"), RURAL("Ia Grai"),
};
static const struct vn_district d_dong_nai[] = {
	RURAL("Long Thành"), RURAL("Nhơn Trạch"), RURAL("Trảng Bom"), RURAL("Định Quán"),
};
static const struct vn_district d_hcm[] = {
	RURAL("Củ Chi"), RURAL("Hóc Môn"), RURAL("Bình Chánh"), RURAL("Cần Giờ"),
};
static const struct vn_district d_long_an[] = {
	RURAL("Đức Hòa"), RURAL("Bến Lức"), RURAL("Cần Giuộc"), TOWN("Kiến Tường"),
};
static const struct vn_district d_tien_giang[] = {
	RURAL("Cái Bè"), RURAL("Châu Thành"), RURAL("Gò Công Tây"), RURAL("Chợ Gạo"),
};
static const struct vn_district d_an_giang[] = {
	TOWN("Tịnh Biên"), RURAL("Tri Tôn"), RURAL("An Phú"), RURAL("Chợ Mới"),
};
static const struct vn_district d_kien_giang[] = {
	RURAL("Hòn Đất"), RURAL("Kiên Lương"), RURAL("Giồng Riềng"), RURAL("Gò Quao"),
};
static const struct vn_district d_soc_trang[] = {
	RURAL("Mỹ Xuyên"), RURAL("Trần Đề"), RURAL("Kế Sách"), RURAL("Long Phú"),
};
static const struct vn_district d_can_tho[] = {
	RURAL("Phong Điền"), RURAL("Thới Lai"), RURAL("Cờ Đỏ"), RURAL("Vĩnh Thạnh"),
};

#undef RURAL
#undef TOWN
#undef CITY

#define DISTRICTS(a) (a), sizeof(a) / sizeof((a)[0])

/* home_weight: population in units of 100,000, rounded. */
const struct vn_province vn_province[] = {
	/* Military Region 2: the five border provinces, then the four inland ones. */
	{ "Hà Giang", "HG", "002", 2, 1, VN_ZONE_MOUNTAIN, 9, mix_ha_giang,
		DISTRICTS(d_ha_giang) },
	{ "Lào Cai", "LCA", "010", 2, 1, VN_ZONE_MOUNTAIN, 8, mix_lao_cai,
		DISTRICTS(d_lao_cai) },
	{ "Lai Châu", "LCH", "012", 2, 1, VN_ZONE_MOUNTAIN, 5, mix_lai_chau,
		DISTRICTS(d_lai_chau) },
	{ "Điện Biên", "DB", "011", 2, 1, VN_ZONE_MOUNTAIN, 6, mix_dien_bien,
		DISTRICTS(d_dien_bien) },
	{ "Sơn La", "SL", "014", 2, 1, VN_ZONE_MOUNTAIN, 13, mix_son_la,
		DISTRICTS(d_son_la) },
	{ "Yên Bái", "YB", "015", 2, 0, VN_ZONE_MOUNTAIN, 8, mix_yen_bai,
		DISTRICTS(d_yen_bai) },
	{ "Tuyên Quang", "TQ", "008", 2, 0, VN_ZONE_MOUNTAIN, 8, mix_tuyen_quang,
		DISTRICTS(d_tuyen_quang) },
	{ "Phú Thọ", "PT", "025", 2, 0, VN_ZONE_MOUNTAIN, 15, mix_phu_tho,
		DISTRICTS(d_phu_tho) },
	{ "Vĩnh Phúc", "VP", "026", 2, 0, VN_ZONE_MOUNTAIN, 12, mix_vinh_phuc,
		DISTRICTS(d_vinh_phuc) },
	/* Military Region 1. */
	{ "Cao Bằng", "CB", "004", 1, 1, VN_ZONE_MOUNTAIN, 5, mix_cao_bang,
		DISTRICTS(d_cao_bang) },
	{ "Lạng Sơn", "LS", "020", 1, 1, VN_ZONE_MOUNTAIN, 8, mix_lang_son,
		DISTRICTS(d_lang_son) },
	{ "Bắc Kạn", "BK", "006", 1, 0, VN_ZONE_MOUNTAIN, 3, mix_bac_kan,
		DISTRICTS(d_bac_kan) },
	{ "Thái Nguyên", "TN", "019", 1, 0, VN_ZONE_MOUNTAIN, 13, mix_thai_nguyen,
		DISTRICTS(d_thai_nguyen) },
	{ "Bắc Giang", "BG", "024", 1, 0, VN_ZONE_LOWLAND, 19, mix_bac_giang,
		DISTRICTS(d_bac_giang) },
	{ "Bắc Ninh", "BN", "027", 1, 0, VN_ZONE_LOWLAND, 15, NULL, DISTRICTS(d_bac_ninh) },
	/* Military Region 3. */
	{ "Hải Phòng", "HP", "031", 3, 0, VN_ZONE_LOWLAND, 21, NULL, DISTRICTS(d_hai_phong) },
	{ "Quảng Ninh", "QN", "022", 3, 1, VN_ZONE_LOWLAND, 13, mix_quang_ninh,
		DISTRICTS(d_quang_ninh) },
	{ "Hải Dương", "HD", "030", 3, 0, VN_ZONE_LOWLAND, 19, NULL, DISTRICTS(d_hai_duong) },
	{ "Hưng Yên", "HY", "033", 3, 0, VN_ZONE_LOWLAND, 13, NULL, DISTRICTS(d_hung_yen) },
	{ "Thái Bình", "TB", "034", 3, 0, VN_ZONE_LOWLAND, 19, NULL, DISTRICTS(d_thai_binh) },
	{ "Nam Định", "ND", "036", 3, 0, VN_ZONE_LOWLAND, 18, NULL, DISTRICTS(d_nam_dinh) },
	{ "Hà Nam", "HNA", "035", 3, 0, VN_ZONE_LOWLAND, 9, NULL, DISTRICTS(d_ha_nam) },
	{ "Ninh Bình", "NB", "037", 3, 0, VN_ZONE_LOWLAND, 10, NULL, DISTRICTS(d_ninh_binh) },
	{ "Hòa Bình", "HB", "017", 3, 0, VN_ZONE_MOUNTAIN, 9, mix_hoa_binh,
		DISTRICTS(d_hoa_binh) },
	/* Military Region 4. */
	{ "Thanh Hóa", "TH", "038", 4, 1, VN_ZONE_LOWLAND, 37, mix_thanh_hoa,
		DISTRICTS(d_thanh_hoa) },
	{ "Nghệ An", "NA", "040", 4, 1, VN_ZONE_LOWLAND, 34, mix_nghe_an,
		DISTRICTS(d_nghe_an) },
	{ "Hà Tĩnh", "HT", "042", 4, 1, VN_ZONE_LOWLAND, 13, NULL, DISTRICTS(d_ha_tinh) },
	{ "Quảng Bình", "QB", "044", 4, 1, VN_ZONE_LOWLAND, 9, NULL, DISTRICTS(d_quang_binh) },
	{ "Quảng Trị", "QT", "045", 4, 1, VN_ZONE_LOWLAND, 6, NULL, DISTRICTS(d_quang_tri) },
	{ "Thừa Thiên Huế", "TTH", "046", 4, 1, VN_ZONE_LOWLAND, 12, NULL, DISTRICTS(d_hue) },
	/* Military Region 5. */
	{ "Đà Nẵng", "DN", "048", 5, 0, VN_ZONE_LOWLAND, 12, NULL, DISTRICTS(d_da_nang) },
	{ "Quảng Nam", "QNA", "049", 5, 1, VN_ZONE_LOWLAND, 15, NULL, DISTRICTS(d_quang_nam) },
	{ "Quảng Ngãi", "QNG", "051", 5, 0, VN_ZONE_LOWLAND, 12, NULL,
		DISTRICTS(d_quang_ngai) },
	{ "Bình Định", "BD", "052", 5, 0, VN_ZONE_LOWLAND, 15, NULL, DISTRICTS(d_binh_dinh) },
	{ "Khánh Hòa", "KH", "056", 5, 0, VN_ZONE_LOWLAND, 12, NULL, DISTRICTS(d_khanh_hoa) },
	{ "Đắk Lắk", "DL", "066", 5, 1, VN_ZONE_LOWLAND, 19, NULL, DISTRICTS(d_dak_lak) },
	{ "Gia Lai", "GL", "064", 5, 1, VN_ZONE_LOWLAND, 15, NULL, DISTRICTS(d_gia_lai) },
	/* Military Region 7. */
	{ "Hồ Chí Minh", "HCM", "079", 7, 0, VN_ZONE_LOWLAND, 92, NULL,
		DISTRICTS(d_hcm) },
	{ "Đồng Nai", "DNA", "075", 7, 0, VN_ZONE_LOWLAND, 32, NULL, DISTRICTS(d_dong_nai) },
	{ "Long An", "LA", "080", 7, 1, VN_ZONE_MEKONG, 17, NULL, DISTRICTS(d_long_an) },
	/* Military Region 9. */
	{ "Tiền Giang", "TG", "082", 9, 0, VN_ZONE_MEKONG, 18, NULL, DISTRICTS(d_tien_giang) },
	{ "An Giang", "AG", "089", 9, 1, VN_ZONE_MEKONG, 19, NULL, DISTRICTS(d_an_giang) },
	{ "Kiên Giang", "KG", "091", 9, 1, VN_ZONE_MEKONG, 17, mix_kien_giang,
		DISTRICTS(d_kien_giang) },
	{ "Sóc Trăng", "ST", "094", 9, 0, VN_ZONE_MEKONG, 12, mix_soc_trang,
		DISTRICTS(d_soc_trang) },
	{ "Cần Thơ", "CT", "092", 9, 0, VN_ZONE_MEKONG, 12, NULL, DISTRICTS(d_can_tho) },
	/* The Capital Command. */
	{ "Hà Nội", "HN", "001", VN_REGION_CAPITAL, 0, VN_ZONE_LOWLAND, 85, NULL,
		DISTRICTS(d_ha_noi) },
};

#undef DISTRICTS

const size_t vn_province_count = sizeof(vn_province) / sizeof(vn_province[0]);

int vn_province_find(const char *name)
{
	size_t i;

	for (i = 0; i < vn_province_count; i++)
		if (strcmp(vn_province[i].name, name) == 0)
			return (int)i;
	return -1;
}

const unsigned *vn_province_ethnic_mix(const struct vn_province *p)
{
	return p->ethnic_mix ? p->ethnic_mix : vn_zone_ethnic_mix[p->zone];
}

const char *vn_province_kind_name(const struct vn_province *p)
{
	static const char *const city[] = {
		"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh",
	};
	size_t i;

	for (i = 0; i < sizeof(city) / sizeof(city[0]); i++)
		if (strcmp(p->name, city[i]) == 0)
			return "thành phố";
	return "tỉnh";
}

const char *vn_district_kind_name(enum vn_district_kind k)
{
	switch (k) {
	case VN_DISTRICT_TOWN:
		return "thị xã";
	case VN_DISTRICT_CITY:
		return "thành phố";
	case VN_DISTRICT_RURAL:
		break;
	}
	return "huyện";
}

static const struct vn_weighted commune_mountain[] = {
	{ "Lũng Cú", 1 }, { "Sủng Là", 1 }, { "Phố Bảng", 1 }, { "Sà Phìn", 1 },
	{ "Lũng Táo", 1 }, { "Thài Phìn Tủng", 1 }, { "Xín Cái", 1 }, { "Sơn Vĩ", 1 },
	{ "Thượng Phùng", 1 }, { "Pải Lủng", 1 }, { "Minh Tân", 1 }, { "Thanh Thủy", 1 },
	{ "Pha Long", 1 }, { "Tả Ngải Chồ", 1 }, { "Lùng Vai", 1 }, { "Bản Lầu", 1 },
	{ "A Mú Sung", 1 }, { "Y Tý", 1 }, { "Trịnh Tường", 1 }, { "Quang Kim", 1 },
	{ "Bản Phiệt", 1 }, { "Sín Chéng", 1 }, { "Tả Van", 1 }, { "Bản Hồ", 1 },
	{ "Mù Cả", 1 }, { "Thu Lũm", 1 }, { "Ka Lăng", 1 }, { "Pa Vệ Sủ", 1 },
	{ "Dào San", 1 }, { "Sì Lở Lầu", 1 }, { "Huổi Luông", 1 }, { "Ma Ly Pho", 1 },
	{ "Mường Hum", 1 }, { "Nậm Chày", 1 }, { "Pa Tần", 1 }, { "Nậm Ban", 1 },
	{ "Sen Thượng", 1 }, { "Leng Su Sìn", 1 }, { "Chung Chải", 1 }, { "Nà Hỳ", 1 },
	{ "Mường Lói", 1 }, { "Mường Nhé", 1 }, { "Phìn Ngan", 1 }, { "Mường Pồn", 1 },
	{ "Nà Tấu", 1 }, { "Si Pa Phìn", 1 }, { "Phiêng Pằn", 1 }, { "Mường Lạn", 1 },
	{ "Chiềng Khương", 1 }, { "Mường Hung", 1 }, { "Púng Bánh", 1 }, { "Nậm Lạnh", 1 },
	{ "Mường Sai", 1 }, { "Lóng Sập", 1 }, { "Chiềng Sơn", 1 }, { "Mường Mô", 1 },
};

static const struct vn_weighted commune_lowland[] = {
	{ "Tân Lập", 1 }, { "Quang Trung", 1 }, { "Hòa Bình", 1 }, { "Đồng Tâm", 1 },
	{ "Minh Khai", 1 }, { "Tân Tiến", 1 }, { "Hợp Thành", 1 }, { "Thanh Xuân", 1 },
	{ "Tân Phong", 1 }, { "Đại Đồng", 1 }, { "Hồng Phong", 1 }, { "Hưng Đạo", 1 },
	{ "Nghĩa Hưng", 1 }, { "Trung Hòa", 1 }, { "An Bình", 1 }, { "Yên Lạc", 1 },
	{ "Phú Lâm", 1 }, { "Đông Phương", 1 }, { "Tiên Phong", 1 }, { "Vĩnh Tiến", 1 },
	{ "Xuân Phú", 1 }, { "Quảng Phú", 1 }, { "Thống Nhất", 1 }, { "Liên Hiệp", 1 },
	{ "Hồng Thái", 1 }, { "Tân Hòa", 1 }, { "Vĩnh Hòa", 1 }, { "Kim Sơn", 1 },
	{ "Bình Minh", 1 }, { "Phú Thịnh", 1 }, { "An Thịnh", 1 }, { "Đồng Lạc", 1 },
	{ "Cao Minh", 1 }, { "Yên Bình", 1 }, { "Hải Thịnh", 1 }, { "Tân Dân", 1 },
	{ "Đồng Thịnh", 1 }, { "Quyết Thắng", 1 }, { "Nhân Hòa", 1 }, { "Mỹ Hưng", 1 },
};

const struct vn_list vn_commune_mountain = LIST(commune_mountain);
const struct vn_list vn_commune_lowland = LIST(commune_lowland);

/* ---- the army ------------------------------------------------------------------------ */

const struct vn_command vn_command[] = {
	{ "Quân khu 2", VN_COMMAND_REGION, 2 },
	{ "Quân khu 1", VN_COMMAND_REGION, 1 },
	{ "Quân khu 3", VN_COMMAND_REGION, 3 },
	{ "Quân khu 4", VN_COMMAND_REGION, 4 },
	{ "Quân khu 5", VN_COMMAND_REGION, 5 },
	{ "Quân khu 7", VN_COMMAND_REGION, 7 },
	{ "Quân khu 9", VN_COMMAND_REGION, 9 },
	{ "Bộ Tư lệnh Thủ đô Hà Nội", VN_COMMAND_REGION, VN_REGION_CAPITAL },
	{ "Quân chủng Hải quân", VN_COMMAND_SERVICE, -1 },
	{ "Bộ đội Biên phòng", VN_COMMAND_BORDER_GUARD, -1 },
};

const size_t vn_command_count = sizeof(vn_command) / sizeof(vn_command[0]);

static const char *const rank_officer[] = {
	"Thiếu úy", "Trung úy", "Thượng úy", "Đại úy", "Thiếu tá", "Trung tá", "Thượng tá",
	"Đại tá", "Thiếu tướng", "Trung tướng",
};
static const char *const rank_professional[] = {
	"Thiếu úy QNCN", "Trung úy QNCN", "Thượng úy QNCN", "Đại úy QNCN", "Thiếu tá QNCN",
	"Trung tá QNCN", "Thượng tá QNCN",
};
static const char *const rank_soldier[] = {
	"Binh nhì", "Binh nhất", "Hạ sĩ", "Trung sĩ", "Thượng sĩ",
};
static const char *const rank_reserve[] = {
	"Hạ sĩ dự bị", "Trung sĩ dự bị", "Thượng sĩ dự bị", "Thiếu úy dự bị", "Trung úy dự bị",
	"Thượng úy dự bị", "Đại úy dự bị",
};

const char *const vn_rank_all[] = {
	"Binh nhì", "Binh nhất", "Hạ sĩ", "Trung sĩ", "Thượng sĩ",
	"Thiếu úy", "Trung úy", "Thượng úy", "Đại úy", "Thiếu tá", "Trung tá", "Thượng tá",
	"Đại tá", "Thiếu tướng", "Trung tướng", "Thượng tướng", "Đại tướng",
	"Thiếu úy QNCN", "Trung úy QNCN", "Thượng úy QNCN", "Đại úy QNCN", "Thiếu tá QNCN",
	"Trung tá QNCN", "Thượng tá QNCN",
	"Hạ sĩ dự bị", "Trung sĩ dự bị", "Thượng sĩ dự bị", "Thiếu úy dự bị", "Trung úy dự bị",
	"Thượng úy dự bị", "Đại úy dự bị",
};

const size_t vn_rank_all_count = sizeof(vn_rank_all) / sizeof(vn_rank_all[0]);

static const struct vn_weighted post_officer[] = {
	{ "Trung đội trưởng", 50 }, { "Đại đội trưởng", 35 }, { "Phó Đại đội trưởng", 30 },
	{ "Chính trị viên", 30 }, { "Phó Chính trị viên", 25 }, { "Trợ lý Tác chiến", 40 },
	{ "Trợ lý Chính trị", 30 }, { "Trợ lý Tổ chức", 20 }, { "Trợ lý Cán bộ", 15 },
	{ "Trợ lý Tuyên huấn", 15 }, { "Trợ lý Bảo vệ an ninh", 10 }, { "Trợ lý Hậu cần", 20 },
	{ "Trợ lý Kỹ thuật", 20 }, { "Phó Tiểu đoàn trưởng", 12 }, { "Tiểu đoàn trưởng", 10 },
	{ "Chính trị viên Tiểu đoàn", 10 }, { "Trưởng ban", 20 }, { "Phó Trưởng ban", 15 },
	{ "Phó Trưởng phòng", 8 }, { "Trưởng phòng", 6 }, { "Phó Chỉ huy trưởng", 6 },
	{ "Chỉ huy trưởng", 4 }, { "Chính trị viên phó", 4 }, { "Phó Trung đoàn trưởng", 4 },
	{ "Trung đoàn trưởng", 3 }, { "Phó Chính ủy", 3 }, { "Chính ủy", 2 },
};
/* Officers' posts that belong to one kind of unit only. */
static const struct vn_weighted post_border[] = {
	{ "Đồn trưởng", 5 }, { "Phó Đồn trưởng", 8 }, { "Chính trị viên Đồn", 5 },
	{ "Chính trị viên phó Đồn", 6 }, { "Đội trưởng Đội Vũ trang", 10 },
	{ "Đội trưởng Đội Trinh sát", 8 }, { "Đội trưởng Đội Vận động quần chúng", 8 },
	{ "Trạm trưởng Trạm Kiểm soát Biên phòng", 4 }, { "Cán bộ Vận động quần chúng", 20 },
	{ "Trinh sát viên", 20 },
};
static const struct vn_weighted post_medical[] = {
	{ "Bác sĩ", 60 }, { "Trưởng khoa", 8 }, { "Phó Trưởng khoa", 10 },
	{ "Dược sĩ", 10 }, { "Chủ nhiệm Khoa", 4 },
};
static const struct vn_weighted post_school[] = {
	{ "Giảng viên", 60 }, { "Chủ nhiệm Bộ môn", 8 }, { "Chủ nhiệm Khoa", 4 },
	{ "Đại đội trưởng Học viên", 10 }, { "Chính trị viên Đại đội Học viên", 8 },
};
static const struct vn_weighted post_professional[] = {
	{ "Nhân viên Quân y", 30 }, { "Y sĩ", 15 }, { "Điều dưỡng", 15 },
	{ "Nhân viên Thông tin", 25 }, { "Lái xe", 30 }, { "Thợ sửa chữa", 20 },
	{ "Nhân viên Văn thư", 15 }, { "Nhân viên Quân khí", 12 }, { "Kế toán", 15 },
	{ "Nhân viên Xăng dầu", 10 }, { "Trinh sát viên", 15 }, { "Nhân viên Cơ yếu", 8 },
	{ "Nhân viên Quân lực", 8 },
};
static const struct vn_weighted post_soldier[] = {
	{ "Chiến sĩ", 60 }, { "Tiểu đội trưởng", 25 }, { "Phó Tiểu đội trưởng", 15 },
	{ "Khẩu đội trưởng", 6 }, { "Chiến sĩ Thông tin", 8 }, { "Chiến sĩ Trinh sát", 6 },
	{ "Chiến sĩ Công binh", 5 }, { "Chiến sĩ Hóa học", 3 }, { "Học viên", 10 },
};
static const struct vn_weighted post_worker[] = {
	{ "Công nhân Quốc phòng", 50 }, { "Kỹ sư", 15 }, { "Nhân viên Kỹ thuật", 15 },
	{ "Tổ trưởng sản xuất", 10 }, { "Nhân viên Hành chính", 10 }, { "Kế toán", 8 },
	{ "Điều dưỡng", 8 }, { "Quản đốc Phân xưởng", 4 },
};
static const struct vn_weighted post_militia[] = {
	{ "Chiến sĩ Dân quân", 40 }, { "Thôn đội trưởng", 30 },
	{ "Tiểu đội trưởng Dân quân", 25 }, { "Dân quân thường trực", 15 },
	{ "Trung đội trưởng Dân quân", 12 }, { "Phó Chỉ huy trưởng Ban CHQS xã", 10 },
	{ "Chỉ huy trưởng Ban CHQS xã", 8 }, { "Chính trị viên phó Ban CHQS xã", 6 },
};
static const struct vn_weighted post_self_defence[] = {
	{ "Chiến sĩ Tự vệ", 40 }, { "Tiểu đội trưởng Tự vệ", 20 },
	{ "Trung đội trưởng Tự vệ", 10 }, { "Chỉ huy trưởng Ban CHQS cơ quan", 5 },
	{ "Chính trị viên Ban CHQS cơ quan", 3 },
};
static const struct vn_weighted post_reserve[] = {
	{ "Quân nhân dự bị", 50 }, { "Tiểu đội trưởng dự bị", 20 },
	{ "Trung đội trưởng dự bị", 10 }, { "Đại đội trưởng dự bị", 4 },
};

#define RANKS(a) (a), sizeof(a) / sizeof((a)[0])

const struct vn_category_info vn_category[VN_CAT_COUNT] = {
	[VN_CAT_OFFICER] = { "officer", "Sĩ quan", RANKS(rank_officer), LIST(post_officer),
		6, 1966, 2003 },
	[VN_CAT_PROFESSIONAL] = { "professional", "Quân nhân chuyên nghiệp",
		RANKS(rank_professional), LIST(post_professional), 18, 1968, 2002 },
	[VN_CAT_SOLDIER] = { "soldier", "Hạ sĩ quan, binh sĩ", RANKS(rank_soldier),
		LIST(post_soldier), 1, 1998, 2006 },
	[VN_CAT_WORKER] = { "worker", "Công nhân quốc phòng", NULL, 0, LIST(post_worker),
		35, 1966, 2004 },
	[VN_CAT_MILITIA] = { "militia", "Dân quân", NULL, 0, LIST(post_militia),
		12, 1976, 2006 },
	[VN_CAT_SELF_DEFENCE] = { "self_defence", "Tự vệ", NULL, 0, LIST(post_self_defence),
		25, 1975, 2005 },
	[VN_CAT_RESERVE] = { "reserve", "Quân nhân dự bị", RANKS(rank_reserve),
		LIST(post_reserve), 2, 1975, 2003 },
};

#undef RANKS

const struct vn_list vn_post_border = LIST(post_border);
const struct vn_list vn_post_medical = LIST(post_medical);
const struct vn_list vn_post_school = LIST(post_school);
