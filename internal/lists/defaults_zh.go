package lists

import "yishi/ent"

// descriptionsZh are the Chinese descriptions of the default items, by
// code; the stored description of a seeded item is the English one
// (DefaultItem.Description), so both languages exist for every default.
var descriptionsZh = map[string]string{
	"E01": "建设或加装小型公共设施：座椅、坡道、车棚、照明、电梯和标识。",
	"E02": "修复破损或无序之处：下水道堵塞、背街小巷改造、楼道杂物、乱停乱放。",
	"E03": "消防安全、电动车充电、治安与交通，以及老人和儿童的安全。",
	"E04": "绿地与种植、垃圾分类、环境卫生和整洁的居住环境。",
	"E05": "日常便民服务：物业管理、供水供电供暖、维修和为老服务。",
	"E06": "社区文化、邻里活动、志愿服务、文明养宠和居民公约。",
	"N01": "家庭事务和特定个人之间的纠纷应通过调解解决，不作为公共议题。",
	"N02": "已进入诉讼或仲裁程序的事项，由法院或仲裁机构处理。",
	"N03": "违反法律、法规和政策的事项不能提出议事。",
	"N04": "纯商业推广和以营利为目的的活动不属于社区议事。",
	"N05": "宗教事务依法由有关部门管理，不纳入社区议事。",
	"N06": "超出社区职权范围的事项应向有权机关反映。",
	"N07": "人身攻击、侵犯他人隐私的内容不予受理。",
	"N08": "政治敏感事项不纳入社区议事。",
	"N09": "干部人事任免按组织程序办理，不纳入社区议事。",
	"N10": "已进入信访或行政复议程序的事项，按原程序办理。",
	"N11": "涉及国家秘密和商业秘密的事项不得公开议事。",
	"N12": "违背公序良俗的事项不予受理。",
	"N13": "损害公共利益或他人合法权益的事项不予受理。",
}

// DescriptionIn is it's description in lang ("zh-CN" or "en"): a seeded
// item whose description is still the default English one is served in
// Chinese from descriptionsZh; an edited description is served as stored.
func DescriptionIn(it *ent.ListItem, lang string) string {
	if lang == "en" {
		return it.Description
	}
	zh, ok := descriptionsZh[it.Code]
	if !ok {
		return it.Description
	}
	for _, d := range Defaults() {
		if d.Code == it.Code && d.Kind == it.Kind && d.Description == it.Description {
			return zh
		}
	}
	return it.Description
}
