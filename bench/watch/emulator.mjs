// The emulator for bench/watch in its own process, so the manager's CPU and memory are measured alone.
// Prints one JSON line: the base URL template, the control API origin and each mall's credentials.
import { startEmulator } from "../../dist/emulator/index.js";

const count = Number(process.env.MALLS ?? 1000);
const emu = await startEmulator({
  malls: Array.from({ length: count }, (_, i) => ({ mallId: `mall${String(i).padStart(4, "0")}` })),
  ttl: { accessSec: Number(process.env.ACCESS_SEC ?? 20), refreshSec: 3600 },
  rateLimit: { enabled: false },
  data: { products: 1, orders: 1, customers: 1, categories: 4, boards: 0 },
  controlApi: true,
});
process.stdout.write(
  `${JSON.stringify({
    url: emu.url,
    baseUrlTemplate: emu.baseUrlTemplate,
    malls: emu.malls.map((m) => ({ mallId: m.mallId, clientId: m.clientId, clientSecret: m.clientSecret })),
  })}\n`,
);
