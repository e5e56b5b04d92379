// flow.ts proves the client against a live, seeded `yishi serve`
// (YISHI_URL, default http://127.0.0.1:8080): a grid guide signs in, files
// a proposal at their grid and submits it; a reviewer of the community
// accepts it; the guide reads its timeline. It uses nothing but the
// generated client, so CI fails when the API and the spec part ways.
import { createYishiClient, type Problem } from "./index.js";

const baseUrl = process.env["YISHI_URL"] ?? "http://127.0.0.1:8080";
const password = process.env["YISHI_DEMO_PASSWORD"] ?? "yishi-demo-2026";

/** fail stops the program with what went wrong. */
function fail(what: string, problem?: Problem | unknown): never {
  console.error(`client flow: ${what}`, problem === undefined ? "" : JSON.stringify(problem));
  process.exit(1);
}

async function signIn(phone: string): Promise<string> {
  const { data, error } = await createYishiClient(baseUrl).POST("/v1/auth/login", {
    body: { phone, password },
  });
  if (error !== undefined || data === undefined) fail(`sign in as ${phone}`, error);
  return data.access_token;
}

async function main(): Promise<void> {
  const guide = createYishiClient(baseUrl, await signIn("13900000004"));
  const me = await guide.GET("/v1/me");
  if (me.error !== undefined || me.data === undefined) fail("read /v1/me", me.error);
  const grant = me.data.role_assignments.find((r) => r.role === "guide");
  if (grant?.unit_id == null) fail("the seeded guide has no guide grant");
  const unitId = grant.unit_id;

  const filed = await guide.POST("/v1/units/{id}/proposals", {
    params: { path: { id: unitId } },
    body: { title: "楼道转角放几把椅子", body: "老人上楼要歇好几次，希望楼道转角能放椅子。", kind: "individual", channel: "online" },
  });
  if (filed.error !== undefined || filed.data === undefined) fail("file a proposal", filed.error);
  const id = filed.data.id;
  console.log(`filed proposal ${id} at unit ${unitId}: ${filed.data.status}`);

  const submitted = await guide.POST("/v1/proposals/{id}/{action}", {
    params: { path: { id, action: "submit" } },
    body: {},
  });
  if (submitted.error !== undefined || submitted.data === undefined) fail("submit it", submitted.error);
  console.log(`submitted: ${submitted.data.status}`);

  const reviewer = createYishiClient(baseUrl, await signIn("13900000003"));
  const accepted = await reviewer.POST("/v1/proposals/{id}/{action}", {
    params: { path: { id, action: "accept" } },
    body: { note: "同意受理" },
  });
  if (accepted.error !== undefined || accepted.data === undefined) fail("accept it as a reviewer", accepted.error);
  if (accepted.data.status !== "accepted") fail(`accepted proposal is ${accepted.data.status}`);
  console.log(`accepted: ${accepted.data.status}`);

  const timeline = await guide.GET("/v1/proposals/{id}/events", { params: { path: { id } } });
  if (timeline.error !== undefined || timeline.data === undefined) fail("read the timeline", timeline.error);
  const actions = timeline.data.items.map((e) => e.action);
  console.log(`timeline: ${actions.join(" → ")}`);
  for (const want of ["submit", "accept"]) {
    if (!actions.includes(want)) fail(`the timeline lacks ${want}`, timeline.data);
  }
  const missing = await guide.GET("/v1/proposals/{id}", { params: { path: { id: 999999999 } } });
  if (missing.error === undefined || missing.response.status !== 404) fail("a missing proposal is not 404");
  console.log(`missing proposal: ${missing.response.status} ${missing.error.code}`);
}

main().catch((err: unknown) => fail("unexpected error", String(err)));
