package wordclass

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
	"time"
)

// ClusterConfig controls Cluster.
type ClusterConfig struct {
	Bits  []int // bits of each level, coarsest first: 4,3,3 = 16, 128, 1024 classes
	Seed  int64 // k-means++ seeding
	Iters int   // maximum k-means iterations per node
	Fit   int   // fit the centroids on the Fit most frequent words only (0: all) and assign the others to the nearest
}

// Cluster assigns every vector of vs a class path by hierarchical spherical
// k-means: the L2-normalised vectors are split into 1<<Bits[0] clusters,
// each cluster into 1<<Bits[1], and so on. A node's children are numbered
// by their most frequent word (the lowest index), so the result depends
// only on the vectors and the configuration. The vectors are centred on
// their mean first (GloVe vectors share a direction that otherwise
// dominates the split), the mean of the words that fit the centroids. With cfg.Fit, only the most frequent words move
// the centroids: rarer, noisier words take their nearest centroid at each
// level, so the classes divide the frequent vocabulary. Progress goes to progress
// (may be nil).
func Cluster(ctx context.Context, vs *Vectors, cfg ClusterConfig, progress io.Writer) ([]uint32, error) {
	if err := checkBits(cfg.Bits); err != nil {
		return nil, err
	}
	if cfg.Iters < 1 {
		cfg.Iters = 1
	}
	n, d := len(vs.Words), vs.Dims
	x := make([]float32, len(vs.Data))
	copy(x, vs.Data)
	mean := make([]float64, d)
	nf := n
	if cfg.Fit > 0 && cfg.Fit < n {
		nf = cfg.Fit
	}
	for i := 0; i < n; i++ {
		normalise(x[i*d : (i+1)*d])
		if i < nf {
			for j, f := range x[i*d : (i+1)*d] {
				mean[j] += float64(f)
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := range mean {
			x[i*d+j] -= float32(mean[j] / float64(nf))
		}
		normalise(x[i*d : (i+1)*d])
	}
	paths := make([]uint32, n)
	all := make([]int32, n)
	for i := range all {
		all[i] = int32(i)
	}
	nodes := [][]int32{all}
	start := time.Now()
	for lv, b := range cfg.Bits {
		k := 1 << b
		var next [][]int32
		for ni, members := range nodes {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rng := rand.New(rand.NewSource(cfg.Seed*1000003 + int64(lv)*7919 + int64(ni)))
			fit := members
			if cfg.Fit > 0 {
				fit = members[:sort.Search(len(members), func(j int) bool { return int(members[j]) >= cfg.Fit })]
			}
			assign, cent := kmeans(x, d, fit, k, cfg.Iters, rng)
			for _, m := range members[len(fit):] {
				assign = append(assign, nearest(x[int(m)*d:(int(m)+1)*d], cent, d))
			}
			children := make([][]int32, k)
			for j, m := range members {
				children[assign[j]] = append(children[assign[j]], m)
			}
			// Number the children by their most frequent word; members are
			// in increasing order, so that is their first.
			sort.SliceStable(children, func(a, b int) bool {
				if len(children[a]) == 0 || len(children[b]) == 0 {
					return len(children[a]) > len(children[b])
				}
				return children[a][0] < children[b][0]
			})
			for c, ch := range children {
				for _, m := range ch {
					paths[m] = paths[m]<<b | uint32(c)
				}
				next = append(next, ch)
			}
		}
		nodes = next
		if progress != nil {
			nonEmpty := 0
			for _, nd := range nodes {
				if len(nd) > 0 {
					nonEmpty++
				}
			}
			fmt.Fprintf(progress, "level %d: %d classes (%d non-empty)  %s\n", lv+1, len(nodes), nonEmpty, time.Since(start).Round(time.Second))
		}
	}
	return paths, nil
}

// kmeans clusters the rows members of x (unit vectors of d dimensions)
// into k clusters by cosine similarity and returns each member's cluster.
// and the clusters' centroids (k*d). With no more members than clusters,
// member j gets cluster j and is its centroid.
func kmeans(x []float32, d int, members []int32, k, iters int, rng *rand.Rand) ([]int, []float32) {
	m := len(members)
	assign := make([]int, m)
	row := func(j int) []float32 { i := int(members[j]); return x[i*d : (i+1)*d] }
	cent := make([]float32, k*d)
	if m <= k {
		for j := range assign {
			assign[j] = j
			copy(cent[j*d:(j+1)*d], row(j))
			normalise(cent[j*d : (j+1)*d])
		}
		return assign, cent[:m*d]
	}
	// k-means++ seeding on the cosine distance 1 - cos.
	best := make([]float32, m) // distance to the nearest chosen centre
	for j := range best {
		best[j] = math.MaxFloat32
	}
	c0 := rng.Intn(m)
	copy(cent, row(c0))
	for c := 1; c < k; c++ {
		prev := cent[(c-1)*d : c*d]
		var sum float64
		for j := 0; j < m; j++ {
			dist := 1 - Dot(row(j), prev)
			if dist < 0 {
				dist = 0
			}
			if dist < best[j] {
				best[j] = dist
			}
			sum += float64(best[j])
		}
		pick := 0
		if sum > 0 {
			r := rng.Float64() * sum
			for pick = 0; pick < m-1; pick++ {
				r -= float64(best[pick])
				if r <= 0 {
					break
				}
			}
		} else {
			pick = rng.Intn(m)
		}
		copy(cent[c*d:(c+1)*d], row(pick))
	}
	for j := range assign {
		assign[j] = -1
	}
	sim := make([]float32, m)
	count := make([]int, k)
	for it := 0; it < iters; it++ {
		changed := 0
		for j := 0; j < m; j++ {
			r := row(j)
			bc, bs := 0, float32(-2)
			for c := 0; c < k; c++ {
				if s := Dot(r, cent[c*d:(c+1)*d]); s > bs {
					bc, bs = c, s
				}
			}
			if assign[j] != bc {
				changed++
				assign[j] = bc
			}
			sim[j] = bs
		}
		if changed == 0 {
			break
		}
		for i := range cent {
			cent[i] = 0
		}
		for c := range count {
			count[c] = 0
		}
		for j := 0; j < m; j++ {
			c := assign[j]
			count[c]++
			add(cent[c*d:(c+1)*d], row(j))
		}
		for c := 0; c < k; c++ {
			if count[c] == 0 {
				// Re-seed an empty cluster with the member farthest from its centre.
				far := 0
				for j := 1; j < m; j++ {
					if sim[j] < sim[far] {
						far = j
					}
				}
				sim[far] = 2
				copy(cent[c*d:(c+1)*d], row(far))
				continue
			}
			normalise(cent[c*d : (c+1)*d])
		}
	}
	return assign, cent
}

// nearest returns the centroid of cent (rows of d) most similar to v; 0
// when there is none.
func nearest(v, cent []float32, d int) int {
	bc, bs := 0, float32(-2)
	for c := 0; c*d < len(cent); c++ {
		if s := Dot(v, cent[c*d:(c+1)*d]); s > bs {
			bc, bs = c, s
		}
	}
	return bc
}

// Dot is the float32 dot product of a and b[:len(a)], with four partial
// sums; the clustering uses it, and bench/encoder measures dense layers with it.
func Dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return (s0 + s1) + (s2 + s3)
}

func add(dst, a []float32) {
	a = a[:len(dst)]
	for i := range dst {
		dst[i] += a[i]
	}
}

func normalise(v []float32) {
	var s float64
	for _, f := range v {
		s += float64(f) * float64(f)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}
