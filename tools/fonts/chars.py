import glob, sys
chars = set()
# GB2312: rows 0xA1-0xF7, cells 0xA1-0xFE
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
for rng in [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x2100, 0x2200), (0x2190, 0x2200), (0x2200, 0x2300), (0x2460, 0x24FF), (0x25A0, 0x2600), (0x3000, 0x3040), (0xFF00, 0xFFF0)]:
    chars.update(chr(c) for c in range(*rng))
import os
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'main')
for f in glob.glob(root + '/resources/i18n/*.properties') + glob.glob(root + '/java/dev/fairlead/**/demo/**/*.java', recursive=True) + glob.glob(root + '/resources/**/*.csv', recursive=True) + glob.glob(root + '/resources/**/*.json', recursive=True):
    s = open(f, encoding='utf-8', errors='ignore').read()
    chars.update(c for c in s if ord(c) >= 0x80)
open('chars.txt', 'w', encoding='utf-8').write(''.join(sorted(chars)))
print(len(chars))
