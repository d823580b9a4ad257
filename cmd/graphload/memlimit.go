package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// extract holds the merged graph in memory until it is written. With Go's
// default collector settings the heap may grow to about twice what the last
// collection found live, which for a large graph is most of the process's
// peak: the graph of 100,000 generated articles is about 250 MB, and the
// process peaked near 750 MB. A soft memory limit makes the collector run
// more often instead, at some cost in time.
const (
	// defaultMemoryLimit is the soft limit extract sets when GOMEMLIMIT is
	// not set.
	defaultMemoryLimit = 450 << 20
	// liftAt is the share of the limit past which the live heap makes the
	// limit give way: beyond it, the collector would run almost without
	// pause to stay under the limit, and the run would crawl.
	liftAt = 0.7
)

// limitMemory sets a soft memory limit of limit bytes, unless the user chose
// one with GOMEMLIMIT (GOMEMLIMIT=off chooses none), and lifts it should the
// live heap outgrow it. stop ends the watch and restores the previous limit.
func limitMemory(limit int64, getenv func(string) string) (stop func()) {
	if getenv("GOMEMLIMIT") != "" || limit <= 0 {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if liftIfOutgrown(limit) {
					return
				}
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		debug.SetMemoryLimit(prev)
	}
}

// liftIfOutgrown removes the memory limit if the heap the last collection
// found live has outgrown it, and reports whether it did.
func liftIfOutgrown(limit int64) bool {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if !outgrown(live[0].Value.Uint64(), limit) {
		return false
	}
	debug.SetMemoryLimit(math.MaxInt64)
	return true
}

// outgrown reports whether a live heap of live bytes has grown past liftAt
// of a soft memory limit.
func outgrown(live uint64, limit int64) bool {
	return float64(live) > liftAt*float64(limit)
}
