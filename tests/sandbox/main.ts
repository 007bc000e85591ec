// `npm run sandbox`: starts the emulators, prints what they serve, stops on Ctrl-C.
import {
  CLASSIC_ORIGIN,
  GLOBEX_CLASSIC_ORIGIN,
  GLOBEX_LIGHTNING_ORIGIN,
  LIGHTNING_ORIGIN,
  SALESFORCE_LOGIN_URL,
  startSandbox,
} from './server.js';

const port = Number(process.env.SANDBOX_PORT ?? 8443);
const controlPort = Number(process.env.SANDBOX_CONTROL_PORT ?? 8444);
const sandbox = await startSandbox({ port, controlPort });
console.log(`Glance for Salesforce sandbox
  HTTPS on 127.0.0.1:${sandbox.port} for *.salesforce.com, *.force.com, *.glance.net
    Salesforce login      ${SALESFORCE_LOGIN_URL}
    Lightning             ${LIGHTNING_ORIGIN}/lightning/page/home
    Classic               ${CLASSIC_ORIGIN}/home/home.jsp
    REST API              ${CLASSIC_ORIGIN}/services/data/v66.0
    Second org (globex)   ${GLOBEX_CLASSIC_ORIGIN}/ and ${GLOBEX_LIGHTNING_ORIGIN}
    Glance services       https://www.glance.net/
    Glance join page      https://<address>.glance.net (e.g. https://acme.glance.net)
  Control API             ${sandbox.controlUrl} (GET /log, POST /reset, /fail, /hang, /latency, /salesforce/…;
                          routes and bodies: tests/sandbox/control.ts)
  Start Chromium with:
    --host-resolver-rules="${sandbox.hostResolverRules}" --ignore-certificate-errors
Press Ctrl-C to stop.`);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
