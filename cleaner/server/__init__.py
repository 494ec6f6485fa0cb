"""A warm check server: `cleaner check` hands its argv, folder, environment and standard streams to a
process that has already imported cleaner and built the rule pack, and exits with the code it sends back.

`paths` names the private folder and the files in it, `client` is the fast path the console script
takes (standard library only, no heavy import), `daemon` is the server's accept loop, `child` is what
each forked child does with one request, and `control` starts, stops and reports on a server.
"""
