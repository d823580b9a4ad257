package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLimitMemory(t *testing.T) {
	tests := []struct {
		name  string
		env   map[string]string
		limit int64
		want  int64 // the limit while the watch runs
	}{
		{"default", nil, 450 << 20, 450 << 20},
		{"the user's GOMEMLIMIT", map[string]string{"GOMEMLIMIT": "2GiB"}, 450 << 20, math.MaxInt64},
		{"GOMEMLIMIT=off", map[string]string{"GOMEMLIMIT": "off"}, 450 << 20, math.MaxInt64},
		{"no limit", nil, 0, math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := debug.SetMemoryLimit(math.MaxInt64)
			defer debug.SetMemoryLimit(before)
			stop := limitMemory(tt.limit, func(k string) string { return tt.env[k] })
			assert.Equal(t, tt.want, debug.SetMemoryLimit(-1))
			stop()
			assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "stop restores the limit")
		})
	}
}

func TestLiftIfOutgrown(t *testing.T) {
	before := debug.SetMemoryLimit(64 << 40)
	defer debug.SetMemoryLimit(before)
	runtime.GC()
	assert.False(t, liftIfOutgrown(64<<40), "a test's heap is far below 64 TiB")
	assert.Equal(t, int64(64<<40), debug.SetMemoryLimit(-1))
	assert.True(t, liftIfOutgrown(1<<10), "and above 1 KiB")
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1), "the limit is lifted")
}

func TestOutgrown(t *testing.T) {
	tests := []struct {
		name string
		live uint64
		want bool
	}{
		{"small", 10 << 20, false},
		{"just under", 699 << 20, false},
		{"past seven tenths", 701 << 20, true},
		{"over the limit", 2000 << 20, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, outgrown(tt.live, 1000<<20))
		})
	}
}
