package similarity

import "testing"

func TestRankFindsTheNearDuplicateFirst(t *testing.T) {
	cands := []Candidate{
		{1, "小区下水井堵塞，污水外溢"},
		{2, "楼道里安装爱心椅，方便老人上下楼歇脚"},
		{3, "建议增加宠物饲养管理规定"},
	}
	got := Rank("希望在楼道装爱心椅，老人上楼可以歇脚", cands, 0.2, 5)
	if len(got) != 1 || got[0].ID != 2 {
		t.Fatalf("Rank = %+v, want only candidate 2", got)
	}
	if Dice(Bigrams("ab"), Bigrams("")) != 0 {
		t.Fatal("empty text must score 0")
	}
	if s := Dice(Bigrams("爱心椅"), Bigrams("爱心 椅！")); s != 1 {
		t.Fatalf("punctuation and spaces must not matter, got %v", s)
	}
}
