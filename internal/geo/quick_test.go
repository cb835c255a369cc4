package geo

import (
	"testing"
	"time"
)

func TestQuick(t *testing.T) {
	t0 := time.Now()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	t.Log("load", time.Since(t0), g.Len())
	r := NewResolver(g)
	for _, s := range []string{
		"Russia maintains an air base in Kant, Kyrgyzstan. Kyrgyz officials said the base would stay.",
		"Immanuel Kant argued that morality is rational. Kant's philosophy shaped ethics.",
		"The mayor of Paris, Texas, met farmers in Dallas.",
		"Moscow said it would retaliate against Georgia after fighting in Tbilisi.",
		"Officials in Atlanta said Georgia would expand Medicaid, and Savannah agreed.",
	} {
		doc := SimpleSegment("x", s)
		for _, p := range r.Resolve(doc) {
			t.Logf("%q -> %s %s %d %.3f lit=%v prec=%d", p.Text, p.Name, p.CountryCode, p.GeonameID, p.Confidence, p.Literal, p.Precision)
		}
	}
}
