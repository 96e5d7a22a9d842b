set -x
node list-tmp.mjs > /tmp/netw/stdlib-list.json 2>/tmp/netw/list.err
timeout 300 node smoke-tmp.mjs > /tmp/netw/smoke.log 2>&1
