"""`loa demo ...`: the sample newsroom (serve it, plant a surge in a running one)."""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from loa.demo.newsroom.server import DEFAULT_HOST, DEFAULT_PORT, is_loopback, start_newsroom


def _serve(args: argparse.Namespace) -> int:
    if not is_loopback(args.host):
        print(f"Cảnh báo: tòa soạn mẫu đang mở trên {args.host}, không chỉ máy này.", file=sys.stderr)
    running = start_newsroom(args.host, args.port)
    print(f"Tòa soạn mẫu (dữ liệu mẫu) đang chạy tại {running.url}/ — Ctrl-C để dừng.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        running.stop()


def _plant(args: argparse.Namespace) -> int:
    query = urllib.parse.urlencode({"commune": args.commune, "count": args.count})
    request = urllib.request.Request(f"{args.url.rstrip('/')}/_control/plant-surge?{query}", method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            payload = json.load(response)
    except (urllib.error.URLError, OSError) as exc:
        print(f"Không gửi được yêu cầu tới tòa soạn mẫu {args.url}: {exc}", file=sys.stderr)
        return 1
    print(f"Đã đăng {len(payload['planted'])} bài tiêu cực về {payload['commune']}.")
    for item in payload["planted"]:
        print(f"  {item['published']}  {item['url']}")
    return 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = subparsers.add_parser("demo", help="Dữ liệu mẫu: tòa soạn mẫu chạy cục bộ")
    demo_sub = demo.add_subparsers(dest="demo_command", metavar="DEMO_COMMAND")

    def _help(_args: argparse.Namespace) -> int:
        demo.print_help()
        return 0

    demo.set_defaults(handler=_help)

    newsroom = demo_sub.add_parser("newsroom", help="Chạy tòa soạn mẫu (RSS, Atom, sitemap, ~200 bài mẫu)")
    newsroom.add_argument("--host", default=DEFAULT_HOST, help=f"địa chỉ lắng nghe (mặc định {DEFAULT_HOST})")
    newsroom.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"cổng (mặc định {DEFAULT_PORT})")
    newsroom.set_defaults(handler=_serve)

    plant = demo_sub.add_parser(
        "plant-surge", help="Đăng dồn dập bài tiêu cực về một xã trên tòa soạn mẫu đang chạy"
    )
    plant.add_argument("--commune", required=True, help='tên xã/phường, ví dụ "Ba Bể" hoặc "phường Phổ Yên"')
    plant.add_argument("--count", type=int, default=12)
    plant.add_argument("--url", default=f"http://{DEFAULT_HOST}:{DEFAULT_PORT}")
    plant.set_defaults(handler=_plant)
