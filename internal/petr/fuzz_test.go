package petr

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func fuzzSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func FuzzReadVerbs(f *testing.F) {
	fuzzSeeds(f, "--- A [010] ---\nA {B C}\n+X_+Y [020]\n- $ W_* + [112]\n", "&S_\n+&S\n+A B\n", "<!--\n", "- * [")
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ReadVerbs("f", bytes.NewReader(b))
		if err == nil {
			ConvertVerbs(io.Discard, v, "f", VerbOptions{TriggerExt: true, LooseGaps: true})
		}
		ReadVerbs2("f", bytes.NewReader(b))
	})
}

func FuzzReadActors(f *testing.F) {
	fuzzSeeds(f, "A_B [ABC]\n+C\n\t[X <950101]\n\t[Y 19950101-19960101]\n", "X\n\t[", "+A\n")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ReadActors("f", bytes.NewReader(b))
		if err == nil {
			ConvertActors(io.Discard, a, nil, "f")
		}
	})
}

func FuzzReadAgents(f *testing.F) {
	fuzzSeeds(f, "!P! = A, B\nX!P! [~GOV]\nY {} [NGO~]\nZ {ZZ} [~MIL]\n", "!P!!Q! [~A]\n", "[~]")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ReadAgents("f", bytes.NewReader(b))
		if err == nil {
			ConvertActors(io.Discard, nil, a, "f")
		}
	})
}

func FuzzReadDiscards(f *testing.F) {
	fuzzSeeds(f, "+A B # c\nC_\n", "_\n")
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ReadDiscards("f", bytes.NewReader(b))
		if err == nil {
			d.Match(string(b))
			d.WriteList(io.Discard, "f")
		}
	})
}

func FuzzReadRecords(f *testing.F) {
	fuzzSeeds(f, `<Sentences><Sentence id="A" date="19950101" category="X"><EventCoding sourcecode="A" targetcode="B" eventcode="010"/><Text>x</Text></Sentence></Sentences>`, "<Sentence")
	f.Fuzz(func(t *testing.T, b []byte) {
		ReadRecords("f", strings.NewReader(string(b)))
	})
}
