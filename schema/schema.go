// Package schema embeds graphload's default ontology, lexicon and
// gazetteers (the YAML files of this folder) so that the binary runs with no
// files beside it. `--schema DIR` replaces them with a folder of the same shape.
package schema

import "embed"

// FS holds ontology.yaml, lexicon.yaml and gazetteer/*.yaml.
//
//go:embed ontology.yaml lexicon.yaml gazetteer/*.yaml
var FS embed.FS
