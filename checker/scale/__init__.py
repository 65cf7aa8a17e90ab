"""Past one machine: the pipeline of ``checker check`` as Dask tasks (``checker check --dask``).

Nothing here is imported unless ``--dask`` (or ``dask = ...`` in the settings) is used, so checker runs without the
optional extra (``pip install 'report-checker[dask]'``); see ``checker.scale.dask_run`` and docs/scale.md.
"""
