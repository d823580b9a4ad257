package main

import (
	"fmt"
	"time"

	"github.com/graphload/graphload/internal/pipeline"
)

// progress prints a one-line status on stderr, only when it is a terminal.
type progress struct {
	io      *streams
	on      bool
	last    time.Time
	printed bool
}

func newProgress(io *streams, quiet bool) *progress {
	return &progress{io: io, on: io.ErrIsTerm && !quiet}
}

func (p *progress) update(st pipeline.Stats) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	secs := st.Elapsed.Seconds()
	if secs <= 0 {
		secs = 1e-9
	}
	fmt.Fprintf(p.io.Err, "\r%d documents, %.0f docs/s, %.2f MB/s, about %s left   ", st.Documents, float64(st.Documents)/secs, float64(st.Bytes)/1e6/secs, st.ETA().Round(time.Second))
	p.printed = true
}

func (p *progress) clear() {
	if p.printed {
		fmt.Fprint(p.io.Err, "\r\033[K")
		p.printed = false
	}
}
