package pipeline

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/ner"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
)

// loadModels loads the statistical annotators in pipeline order: the
// tagger (POS, lemmas), the parser (which reads the tags) and the entity
// recogniser (which reads the tags; the actor matcher and the toponym
// recogniser read its entities).
func loadModels() ([]dyad.Annotator, error) {
	t, err := tag.Load()
	if err != nil {
		return nil, fmt.Errorf("loading tagger: %w", err)
	}
	p, err := parse.Load()
	if err != nil {
		return nil, fmt.Errorf("loading parser: %w", err)
	}
	n, err := ner.LoadWith(t) // shares the tagger and its word classes
	if err != nil {
		return nil, fmt.Errorf("loading entity recogniser: %w", err)
	}
	return []dyad.Annotator{t, p, n}, nil
}
