package export

import (
	"math"
)

// point is a node's position in the picture.
type point struct{ X, Y float64 }

// maxForceNodes bounds the force-directed layout (quadratic per step);
// larger subgraphs are laid out on a circle.
const maxForceNodes = 1500

// layout places the entities of s in a width x height box with a margin:
// a deterministic force-directed layout (Fruchterman-Reingold, fixed steps
// from a circle in key order, the focus held in the centre), rounded to
// 0.1 so that the same subgraph gives the same picture.
func layout(s *Subgraph, width, height, margin float64) map[string]point {
	n := len(s.Entities)
	pos := make([]point, n)
	index := map[string]int{}
	focus := -1
	for i, e := range s.Entities {
		index[e.Key] = i
		if s.Focus != nil && e.Key == s.Focus.Key {
			focus = i
		}
	}
	for i := range pos {
		a := 2 * math.Pi * float64(i) / float64(max(n, 1))
		pos[i] = point{math.Cos(a), math.Sin(a)}
	}
	if focus >= 0 {
		pos[focus] = point{}
	}
	type edge struct{ a, b int }
	var edges []edge
	for _, r := range s.Relations {
		a, b := index[r.From], index[r.To]
		if a != b {
			edges = append(edges, edge{a, b})
		}
	}
	if n > 1 && n <= maxForceNodes {
		k := 1.5 * math.Sqrt(4.0/float64(n)) // ideal distance, in a box about 2x2
		temp := 0.2
		const steps = 300
		disp := make([]point, n)
		for step := 0; step < steps; step++ {
			for i := range disp {
				disp[i] = point{}
			}
			for i := 0; i < n; i++ {
				for j := i + 1; j < n; j++ {
					dx, dy := pos[i].X-pos[j].X, pos[i].Y-pos[j].Y
					d2 := dx*dx + dy*dy
					if d2 < 1e-9 {
						dx, dy, d2 = 1e-3*float64(i-j), 1e-3, 2e-6
					}
					f := (k * k) / d2 // repulsion k²/d, along (dx, dy)/d
					disp[i].X += dx * f
					disp[i].Y += dy * f
					disp[j].X -= dx * f
					disp[j].Y -= dy * f
				}
			}
			for _, e := range edges {
				dx, dy := pos[e.a].X-pos[e.b].X, pos[e.a].Y-pos[e.b].Y
				d := math.Sqrt(dx*dx + dy*dy)
				f := d / k // attraction d²/k, along (dx, dy)/d
				disp[e.a].X -= dx * f
				disp[e.a].Y -= dy * f
				disp[e.b].X += dx * f
				disp[e.b].Y += dy * f
			}
			for i := range pos {
				if i == focus {
					continue
				}
				disp[i].X -= pos[i].X * 0.04 * float64(n) * k // gravity keeps loose parts near
				disp[i].Y -= pos[i].Y * 0.04 * float64(n) * k
				d := math.Sqrt(disp[i].X*disp[i].X + disp[i].Y*disp[i].Y)
				if d > 0 {
					m := math.Min(d, temp) / d
					pos[i].X += disp[i].X * m
					pos[i].Y += disp[i].Y * m
				}
			}
			temp *= 0.985
		}
	}
	// Stretch to fill the box (a network has no true aspect ratio).
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	spanX, spanY := math.Max(maxX-minX, 1e-9), math.Max(maxY-minY, 1e-9)
	scaleX, scaleY := (width-2*margin)/spanX, (height-2*margin)/spanY
	if n == 1 {
		scaleX, scaleY = 0, 0
	}
	offX := (width - spanX*scaleX) / 2
	offY := (height - spanY*scaleY) / 2
	out := make(map[string]point, n)
	for i, e := range s.Entities {
		out[e.Key] = point{round1((pos[i].X-minX)*scaleX + offX), round1((pos[i].Y-minY)*scaleY + offY)}
	}
	return out
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// nodeRadius grows with a node's degree.
func nodeRadius(degree int) float64 {
	return round1(7 + 3*math.Sqrt(float64(degree)))
}
