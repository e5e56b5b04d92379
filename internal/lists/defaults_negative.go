package lists

import "yishi/ent/listitem"

// negativeDefaults are the thirteen items of the negative list. Keywords
// are matched as plain substrings, so each is a phrase that names the
// forbidden matter itself; words that also describe ordinary proposals
// (违法 in "整治违法停车", 遗产 in "文化遗产", 教会 in "教会老人用手机",
// 联名 for joint proposals) are deliberately left out. A flag only informs
// the reviewer; it never rejects a proposal.
func negativeDefaults() []DefaultItem {
	neg := func(code, title, titleEn, desc string, kw ...string) DefaultItem {
		return DefaultItem{Kind: listitem.KindNegative, Code: code, Title: title, TitleEn: titleEn,
			Description: desc, Keywords: kw}
	}
	return []DefaultItem{
		neg("N01", "个人私事和私人纠纷", "Private matters and disputes between individuals",
			"Family affairs and disputes between particular people belong to mediation, not to a public proposal.",
			"私人纠纷", "家庭纠纷", "家务事", "私人恩怨", "离婚", "遗产纠纷", "借钱不还", "欠钱不还"),
		neg("N02", "已进入司法或仲裁程序的事项", "Matters already before a court or arbitration",
			"Once a matter is in litigation or arbitration, deliberation must not interfere with it.",
			"起诉", "法院", "诉讼", "仲裁", "判决", "律师函"),
		neg("N03", "违反法律法规和政策的事项", "Anything against law, regulation or policy",
			"A proposal cannot ask for what the law, regulations or public policy forbid.",
			"违反法律", "违反法规", "违反政策", "规避监管", "逃避审批", "偷税", "逃税"),
		neg("N04", "纯商业推广和营利活动", "Purely commercial promotion or profit-making",
			"Advertising or selling for a business is not a community matter; merchants take part as neighbours.",
			"商业推广", "广告投放", "促销", "推销", "招商加盟", "代理销售", "牟利"),
		neg("N05", "宗教事务", "Religious matters",
			"Religious activities are governed by law through the religious-affairs authorities.",
			"宗教", "传教", "教堂", "寺庙", "佛堂"),
		neg("N06", "超出社区职权范围的事项", "Beyond the community's authority",
			"Matters only higher levels of government decide, such as defence, taxation, household registration, land acquisition or housing prices.",
			"国防", "外交", "税率", "户籍政策", "征地", "拆迁补偿", "房价"),
		neg("N07", "人身攻击和侵犯他人隐私", "Personal attacks and invasions of privacy",
			"Proposals address issues, not people: no insults, and no exposure of anyone's personal information.",
			"人身攻击", "辱骂", "诽谤", "人肉搜索", "曝光隐私", "泄露隐私", "身份证号"),
		neg("N08", "政治敏感事项", "Politically sensitive matters",
			"Politically sensitive matters are outside community deliberation.",
			"政治敏感", "游行", "示威", "罢工", "非法集会", "颠覆"),
		neg("N09", "干部人事任免", "Appointment or dismissal of officials",
			"Appointing, promoting or removing officials follows its own procedures.",
			"人事任免", "撤职", "罢免", "提拔干部", "任命干部"),
		neg("N10", "已进入信访或行政复议程序的事项", "Matters already in petition or administrative review",
			"A matter handled as a petition or under administrative review follows that procedure to its end.",
			"信访", "上访", "行政复议"),
		neg("N11", "涉及国家秘密和商业秘密的事项", "State or commercial secrets",
			"Secrets protected by law cannot be deliberated in public.",
			"国家秘密", "商业秘密", "涉密", "机密"),
		neg("N12", "违背公序良俗的事项", "Against public order and good morals",
			"Proposals must respect public order and good morals: no pornography, superstition or vulgarity.",
			"色情", "封建迷信", "算命", "低俗"),
		neg("N13", "损害公共利益或他人合法权益的事项", "Harming the public interest or others' lawful rights",
			"Shared spaces and resources must not be turned to private use, nor other residents' rights harmed.",
			"据为己有", "改为私用", "归个人使用", "私家专用", "独占"),
	}
}
