// Command gencorpus writes a synthetic corpus of news-like articles about
// militant networks, built from templates filled with the gazetteers' real
// groups, provinces and districts and with made-up people, together with the
// gold annotations the texts imply. It is deterministic for a seed, so that
// benchmarks and tests can ask for 10 or 100,000 articles and get the same
// bytes every time.
//
//	go run ./cmd/gencorpus -n 10000 -seed 1 -out /tmp/gen.jsonl [-gold DIR]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"

	"github.com/graphload/graphload/internal/ontology"
	"github.com/graphload/graphload/schema"
	"gopkg.in/yaml.v3"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 100, "number of articles")
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same corpus")
	out := fs.String("out", "", "output .jsonl file (one article per line), or - for stdout")
	goldDir := fs.String("gold", "", "folder to write one gold YAML file per article (optional)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n <= 0 {
		return errors.New("usage: gencorpus -n N -seed S -out FILE.jsonl [-gold DIR]")
	}
	s, err := ontology.Load(schema.FS)
	if err != nil {
		return err
	}
	g := newGenerator(s, *seed)
	var w io.Writer = os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create %s: %w", *out, err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if *goldDir != "" {
		if err := os.MkdirAll(*goldDir, 0o755); err != nil {
			return err
		}
	}
	for i := 0; i < *n; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := g.article(i)
		b, err := json.Marshal(a.doc)
		if err != nil {
			return err
		}
		bw.Write(b)
		bw.WriteByte('\n')
		if *goldDir != "" {
			yb, err := yaml.Marshal(a.gold)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(*goldDir, a.doc.ID+".yaml"), yb, 0o644); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

type jsonDoc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

type goldEntity struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
	Kind string `yaml:"kind,omitempty"`
}

type goldRelation struct {
	From     string `yaml:"from"`
	Type     string `yaml:"type"`
	To       string `yaml:"to"`
	Optional bool   `yaml:"optional,omitempty"`
}

type goldDoc struct {
	Document  string         `yaml:"document"`
	Entities  []goldEntity   `yaml:"entities"`
	Relations []goldRelation `yaml:"relations"`
}

type article struct {
	doc  jsonDoc
	gold goldDoc
}

type place struct{ district, province string }

type generator struct {
	rng     *rand.Rand
	groups  []string
	places  []place
	given   []string
	titles  []string
	surname []string
}

func newGenerator(s *ontology.Schema, seed int64) *generator {
	g := &generator{rng: rand.New(rand.NewSource(seed))}
	for _, o := range s.Orgs {
		if o.Kind == "militant_group" && !strings.ContainsAny(o.Name, "()") {
			g.groups = append(g.groups, o.Name)
		}
	}
	provinces := map[string]bool{}
	for _, p := range s.Locations {
		if p.Kind == "province" && p.In == "Afghanistan" {
			provinces[p.Name] = true
		}
	}
	seen := map[string]bool{}
	for _, p := range s.Locations {
		// districts with a name of their own (not their province's), once
		if p.Kind == "district" && provinces[p.In] && p.Name != p.In && !seen[p.Name] && !strings.ContainsAny(p.Name, "()") {
			seen[p.Name] = true
			g.places = append(g.places, place{p.Name, p.In})
		}
	}
	for _, n := range []string{"Abdul", "Mohammad", "Gul", "Sher", "Noor", "Hayatullah", "Saifullah", "Zabihullah", "Najibullah", "Rahmatullah", "Ahmad", "Karim", "Jamal", "Farid", "Habib", "Wali", "Nasir", "Qadir", "Rashid", "Samad"} {
		g.given = append(g.given, n)
	}
	g.titles = []string{"Mullah", "Qari", "Mawlawi", "Haji", ""}
	g.surname = []string{"Zadran", "Barakzai", "Popalzai", "Achakzai", "Noorzai", "Alizai", "Mangal", "Shinwari", "Safi", "Tanai", "Hotak", "Kakar", "Mohmand", "Wardak", "Stanikzai", "Ahmadzai", "Yousufzai", "Sabari", "Khogiani", "Jalali"}
	sort.Strings(g.groups)
	return g
}

func (g *generator) pick(list []string) string { return list[g.rng.Intn(len(list))] }

// person makes a name that no other article shares.
func (g *generator) person(i, k int) string {
	t := g.pick(g.titles)
	name := fmt.Sprintf("%s %s%s", g.pick(g.given), g.pick(g.surname), suffix(i*4+k))
	if t != "" {
		return t + " " + name
	}
	return name
}

// suffix turns a number into letters, so that made-up surnames stay unique
// and stay words: Zadranab, Zadranac ...
func suffix(n int) string {
	var b []byte
	for n > 0 || len(b) == 0 {
		b = append(b, byte('a'+n%26))
		n /= 26
	}
	return string(b)
}

func (g *generator) article(i int) article {
	grp := g.pick(g.groups)
	ally := g.pick(g.groups)
	for ally == grp {
		ally = g.pick(g.groups)
	}
	pl := g.places[g.rng.Intn(len(g.places))]
	p1, p2 := g.person(i, 0), g.person(i, 1)
	date := fmt.Sprintf("20%02d-%02d-%02d", 9+g.rng.Intn(5), 1+g.rng.Intn(12), 1+g.rng.Intn(28))
	id := fmt.Sprintf("gen-%06d", i)
	var text strings.Builder
	fmt.Fprintf(&text, "Security forces strike %s in %s\n\n", grp, pl.province)
	fmt.Fprintf(&text, "KABUL, Afghanistan (%s)\n", date)
	fmt.Fprintf(&text, "During an operation in %s district, %s province, an Afghan and coalition security force killed %s facilitator %s. ", pl.district, pl.province, grp, p1)
	fmt.Fprintf(&text, "The facilitator supplied weapons to fighters.\n\n")
	fmt.Fprintf(&text, "In a separate raid in %s district, the security force arrested %s, a senior %s leader.\n\n", pl.district, p2, grp)
	fmt.Fprintf(&text, "The %s maintains close ties with the %s and is active in %s province.\n", grp, ally, pl.province)
	gold := goldDoc{
		Document: id,
		Entities: []goldEntity{
			{Name: grp, Type: "Organization"}, {Name: ally, Type: "Organization"},
			{Name: p1, Type: "Person"}, {Name: p2, Type: "Person"},
			{Name: pl.district, Type: "Location", Kind: "district"}, {Name: pl.province, Type: "Location", Kind: "province"},
			{Name: "Afghanistan", Type: "Location", Kind: "country"},
		},
		Relations: []goldRelation{
			{From: p1, Type: "MEMBER_OF", To: grp},
			{From: p1, Type: "KILLED_IN_RAID", To: pl.district},
			{From: p2, Type: "MEMBER_OF", To: grp},
			{From: p2, Type: "CAPTURED_IN_RAID", To: pl.district},
			{From: pl.district, Type: "LOCATED_IN", To: pl.province},
			{From: grp, Type: "ALLIED_WITH", To: ally},
			{From: grp, Type: "OPERATES_IN", To: pl.province},
			// inferred from where raids against the group took place: neither
			// required nor penalised, as in the development gold
			{From: grp, Type: "OPERATES_IN", To: pl.district, Optional: true},
		},
	}
	return article{doc: jsonDoc{ID: id, Title: "Security forces strike " + grp, Date: date, Source: "generated", Text: text.String()}, gold: gold}
}
