#!/usr/bin/python3
"""Independent reference for the skeleton renderer: draws poses the way ControlNet 1.1's openpose
annotator does (draw_bodypose / draw_handpose / draw_facepose), with the real OpenCV.

Usage: controlnet_reference.py CASES_DIR            compare with our CASE.png renderings
       controlnet_reference.py CASES_DIR --golden   write CASE.rgb.zlib.b64 golden files (raw RGB, zlib, base64)
For every CASE.json (OpenPose JSON plus optional "render_width"/"render_height") draws the reference.
Compare mode reports differing pixels and exits 1 on any difference.
Needs Debian's python3-opencv and python3-numpy; it checks golden fixtures, it is not in `npm test`.
"""
import base64, colorsys, glob, json, math, sys, zlib

import cv2
import numpy as np

LIMBS = [[2, 3], [2, 6], [3, 4], [4, 5], [6, 7], [7, 8], [2, 9], [9, 10], [10, 11], [2, 12],
         [12, 13], [13, 14], [2, 1], [1, 15], [15, 17], [1, 16], [16, 18], [3, 17], [6, 18]]
COLORS = [[255, 0, 0], [255, 85, 0], [255, 170, 0], [255, 255, 0], [170, 255, 0], [85, 255, 0],
          [0, 255, 0], [0, 255, 85], [0, 255, 170], [0, 255, 255], [0, 170, 255], [0, 85, 255],
          [0, 0, 255], [85, 0, 255], [170, 0, 255], [255, 0, 255], [255, 0, 170], [255, 0, 85]]
HAND_EDGES = [[0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [0, 9], [9, 10],
              [10, 11], [11, 12], [0, 13], [13, 14], [14, 15], [15, 16], [0, 17], [17, 18], [18, 19], [19, 20]]
EPS = 0.01


def points(values, cw, ch):
    """Normalised (x, y) per point, None when missing (c <= 0 or the -1,-1 sentinel)."""
    if values is None:
        return None
    out = []
    for i in range(0, len(values), 3):
        x, y, c = values[i:i + 3]
        out.append(None if c <= 0 or (x < 0 and y < 0) else (x / cw, y / ch))
    return out


def draw(doc, W, H):
    cw, ch = doc["canvas_width"], doc["canvas_height"]
    people = doc["people"]
    bodies = [points(p.get("pose_keypoints_2d"), cw, ch) or [None] * 18 for p in people]
    canvas = np.zeros((H, W, 3), dtype=np.uint8)
    for i in range(17):
        for body in bodies:
            a, b = body[LIMBS[i][0] - 1], body[LIMBS[i][1] - 1]
            if a is None or b is None:
                continue
            Y = np.array([a[0], b[0]]) * float(W)
            X = np.array([a[1], b[1]]) * float(H)
            mX, mY = np.mean(X), np.mean(Y)
            length = ((X[0] - X[1]) ** 2 + (Y[0] - Y[1]) ** 2) ** 0.5
            angle = math.degrees(math.atan2(X[0] - X[1], Y[0] - Y[1]))
            polygon = cv2.ellipse2Poly((int(mY), int(mX)), (int(length / 2), 4), int(angle), 0, 360, 1)
            cv2.fillConvexPoly(canvas, polygon, COLORS[i])
    canvas = (canvas * 0.6).astype(np.uint8)
    for i in range(18):
        for body in bodies:
            if body[i] is not None:
                x, y = body[i]
                cv2.circle(canvas, (int(x * W), int(y * H)), 4, COLORS[i], thickness=-1)
    for p in people:
        for key in ("hand_left_keypoints_2d", "hand_right_keypoints_2d"):
            peaks = points(p.get(key), cw, ch)
            if peaks is None:
                continue
            px = [None if q is None else (int(q[0] * W), int(q[1] * H)) for q in peaks]
            for ie, (e0, e1) in enumerate(HAND_EDGES):
                a, b = px[e0], px[e1]
                if a and b and a[0] > EPS and a[1] > EPS and b[0] > EPS and b[1] > EPS:
                    rgb = np.array(colorsys.hsv_to_rgb(ie / float(len(HAND_EDGES)), 1.0, 1.0)) * 255
                    cv2.line(canvas, a, b, rgb.tolist(), thickness=2)
            for q in px:
                if q and q[0] > EPS and q[1] > EPS:
                    cv2.circle(canvas, q, 4, (0, 0, 255), thickness=-1)
    for p in people:
        for q in points(p.get("face_keypoints_2d"), cw, ch) or []:
            if q is None:
                continue
            x, y = int(q[0] * W), int(q[1] * H)
            if x > EPS and y > EPS:
                cv2.circle(canvas, (x, y), 3, (255, 255, 255), thickness=-1)
    return canvas


def main(folder, golden):
    failures = 0
    cases = sorted(glob.glob(f"{folder}/*.json"))
    for path in cases:
        doc = json.load(open(path))
        if isinstance(doc, list):
            doc = doc[0]
        W = doc.get("render_width", doc["canvas_width"])
        H = doc.get("render_height", doc["canvas_height"])
        want = draw(doc, W, H)
        if golden:
            open(path[:-5] + ".rgb.zlib.b64", "w").write(base64.b64encode(zlib.compress(want.tobytes(), 9)).decode())
            continue
        got = cv2.imread(path[:-5] + ".png", cv2.IMREAD_COLOR)[:, :, ::-1]
        diff = np.any(want != got, axis=2)
        if diff.any():
            failures += 1
            ys, xs = np.nonzero(diff)
            print(f"{path}: {int(diff.sum())} pixels differ, first at ({xs[0]},{ys[0]}): want {want[ys[0], xs[0]]} got {got[ys[0], xs[0]]}")
    print(f"{len(cases) - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main(sys.argv[1], "--golden" in sys.argv)
