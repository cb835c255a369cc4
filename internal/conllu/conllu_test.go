package conllu

import (
	"context"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "# newdoc id = d1\n# sent_id = s1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\n1\tParis\tB-LOC\t-\t-\n"
	ss, err := Read(context.Background(), "t", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].ID != "s1" || !ss[0].NewDoc || ss[0].Text != "I don't know." {
		t.Fatalf("got %+v", ss)
	}
	if len(ss[0].Words) != 4 || ss[0].Words[3].Head != 0 || ss[0].Words[0].Head != 3 || len(ss[0].MultiWord) != 1 {
		t.Fatalf("words %+v", ss[0].Words)
	}
	if got := ss[1].NER(); got[0] != "B-LOC" {
		t.Fatalf("ner %v", got)
	}
	if _, err := Read(context.Background(), "bad.conllu", strings.NewReader("x\ty\tz\tA\tB\tC\tnothead\n")); err == nil || !strings.Contains(err.Error(), "bad.conllu:1") {
		t.Fatalf("want positioned error, got %v", err)
	}
}
