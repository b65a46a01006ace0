"""How batch14 was sampled (run from /work/main with the real-file sets beside it; kept as the
record, not as a tool: the sets are not in this repository). The English key results of every
real-file set's truth.yaml that are not already in the corpus, whole objectives drawn in a seeded
random order, at most 5 key results per file and 10 per publisher."""
import json, glob, yaml, collections, random, hashlib
corpus=set(); cpub=set()
for line in open('corpora/real/key_results.jsonl'):
    r=json.loads(line); corpus.add(' '.join(r['kr'].lower().split())); cpub.add(r['publisher'].lower()[:25])
files=[]
for t in sorted(glob.glob('/work/realfiles*/truth.yaml')) + ['/work/shared/real-okr-files/truth.yaml']:
    setname=t.split('/')[-2]
    for f in yaml.safe_load(open(t)):
        lang=str(f.get('language',''))
        if not lang.startswith('English') or 'translated' in lang: continue
        objs=[]
        for o in f.get('objectives',[]):
            krs=[k['text'] for k in o.get('key_results',[]) if ' '.join(k['text'].lower().split()) not in corpus and len(k['text'].split())>=2]
            if krs: objs.append((o['text'], krs))
        if objs: files.append((setname, f['file'], f.get('publisher',''), f.get('source',''), f.get('cycle',''), objs))

rng=random.Random(20261201)
FILECAP, PUBCAP = 5, 10
pubcount=collections.Counter(); seen=set(); items=[]
order=files[:]; rng.shuffle(order)
for setname, fname, pub, src, cyc, objs in order:
    pk=pub.split('(')[0].strip().lower()[:30] or fname
    room=min(FILECAP, PUBCAP-pubcount[pk])
    if room<=0: continue
    objs=objs[:]; rng.shuffle(objs); taken=0
    for otext, krs in objs:
        krs=[k for k in krs if ' '.join(k.lower().split()) not in seen]
        if not krs: continue
        if taken and taken+len(krs)>room: continue
        krs=krs[:max(room-taken,0)] if not taken else krs
        for k in krs:
            seen.add(' '.join(k.lower().split()))
            items.append(dict(kr=k, objective=otext, publisher=pub, publisher_type='', source=src, cycle=str(cyc), _set=setname, _file=fname))
        taken+=len(krs)
        if taken>=room: break
    pubcount[pk]+=taken
items.sort(key=lambda r:(r['_set'], r['_file']))
for i,r in enumerate(items,1): r['id']=f"b14-{i:04d}"
print('sampled', len(items), 'publishers', len(pubcount), 'files', len({r['_file'] for r in items}))
json.dump(items, open('/tmp/b14_items.json','w'), ensure_ascii=False)  # then split in three parts by file
