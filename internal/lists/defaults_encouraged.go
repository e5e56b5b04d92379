package lists

import "yishi/ent/listitem"

// encouragedDefaults are the six categories of the encouraged list. The
// article names construction, rectification and safety; the other three
// cover the problems its pilot communities solved (greening, property
// management and utilities, pet keeping and neighbourhood life). Their
// keywords are hints for suggesting a category, never grounds for a flag.
func encouragedDefaults() []DefaultItem {
	enc := func(code, title, titleEn, desc string, kw ...string) DefaultItem {
		return DefaultItem{Kind: listitem.KindEncouraged, Code: code, Title: title, TitleEn: titleEn,
			Description: desc, Keywords: kw}
	}
	return []DefaultItem{
		enc("E01", "建设类", "Construction",
			"Building or installing small shared facilities: seats, ramps, bicycle sheds, lighting, lifts and signs.",
			"安装", "加装", "修建", "新建", "座椅", "电梯", "坡道", "车棚", "路灯"),
		enc("E02", "整治类", "Rectification",
			"Fixing what is broken or disorderly: blocked sewers, alley renovation, clutter in stairwells, disorderly parking.",
			"整治", "清理", "疏通", "改造", "下水", "堵塞", "乱停", "堆放"),
		enc("E03", "安全类", "Safety",
			"Fire safety, electric-bike charging, security and traffic, and the safety of older people and children.",
			"安全", "消防", "隐患", "防盗", "监控", "充电", "防滑"),
		enc("E04", "环境绿化类", "Greening and environment",
			"Green spaces and planting, waste sorting, sanitation and a tidy living environment.",
			"绿化", "绿地", "种植", "垃圾分类", "卫生", "环境"),
		enc("E05", "便民服务类", "Convenience services",
			"Everyday services: property management, water, power and heating supply, repairs and help for older residents.",
			"便民", "物业", "供水", "供电", "供暖", "维修", "助老", "养老"),
		enc("E06", "文化邻里类", "Culture and neighbourliness",
			"Community culture, neighbourhood activities, volunteering, civilized pet keeping and residents' conventions.",
			"文化", "邻里", "活动", "志愿", "宠物", "公约"),
	}
}
