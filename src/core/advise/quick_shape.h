// quick_shape: a catalog model's shape at a quantization, in closed form from its architecture
// and parameter count, without laying out its tensors. Within a few percent of the exact shape
// (catalog::predict_gguf + gguf::extract_facts) and about 100 times cheaper, so recommend can
// screen the whole catalog at every quantization and verify only the winners exactly.
#pragma once

#include "catalog/model_catalog.h"
#include "estimate/model_shape.h"

namespace canrun::advise {

// `bpw`: the quantization's whole-file bits per weight (data/quants.json nominal_bpw).
estimate::ModelShape quick_shape(const catalog::CatalogModel& model, double bpw);

}  // namespace canrun::advise
