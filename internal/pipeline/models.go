package pipeline

import (
	"fmt"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
)

// loadModels loads the statistical annotators in pipeline order.
func loadModels() ([]dyad.Annotator, error) {
	t, err := tag.Load()
	if err != nil {
		return nil, fmt.Errorf("loading tagger: %w", err)
	}
	p, err := parse.Load()
	if err != nil {
		return nil, fmt.Errorf("loading parser: %w", err)
	}
	return []dyad.Annotator{t, p}, nil
}
