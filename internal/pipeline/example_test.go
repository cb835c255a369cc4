package pipeline_test

import (
	"context"
	"fmt"
	"time"

	"github.com/dyad-events/dyad/internal/dyad"
	"github.com/dyad-events/dyad/internal/pipeline"
)

func ExamplePipeline_Events() {
	ctx := context.Background()
	p, err := pipeline.New(ctx, pipeline.Options{})
	if err != nil {
		panic(err)
	}
	doc := &dyad.Document{
		ID:        "example",
		Text:      "Russian President Vladimir Putin visited Kyrgyzstan on Tuesday.",
		Published: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC),
	}
	events, err := p.Events(ctx, doc)
	if err != nil {
		panic(err)
	}
	for _, e := range events {
		fmt.Println(e.Date, e.Actor[0].Code, e.CAMEO.Code, e.Event, e.Recipient[0].Code)
	}
	// Output: 2025-03-11 RUSGOV 042 CONSULT KGZ
}
