import { workersProject } from "../vitest.workers";
import { benchConfig } from "./support/config";

// `npm run bench:scale` (bench/scale.mjs): whole invocations at many owners and big networks. Separate from
// `npm run bench` because it takes several minutes (11,000 queue invocations, a 20,000-contact network).
export default benchConfig([
  workersProject({
    name: "scale",
    include: ["bench/**/*.scale-test.ts"],
    testTimeout: 30 * 60 * 1000,
    hookTimeout: 30 * 60 * 1000,
  }),
]);
