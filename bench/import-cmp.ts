/** The bench's import measurement alone (generated pages through importItems, workers on). */
import { loadavg } from 'node:os'
import { importBench } from './measure'
const n = Number(process.argv[2] ?? 300)
const l0 = loadavg()[0]
const r = await importBench(20240601, n, (s) => console.error(s))
console.log(JSON.stringify({ n, load: [l0, loadavg()[0]], cpuMsPerPage: r.cpuMsPerPage, readabilityCpuMsPerPage: r.readabilityCpuMsPerPage, ratio: r.cpuMsPerPage / r.readabilityCpuMsPerPage, pagesPerSecond: r.pagesPerSecond, real: r.real && { ratioWall: r.real.readabilityPagesPerSecond / r.real.pagesPerSecond, db: { ratio: r.real.db.ratio, columns: r.real.db.columns, textBytes: r.real.db.textBytes } } }))
process.exit(0)
