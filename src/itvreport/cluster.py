"""A batch on an existing Dask cluster: ``itvreport show ARCHIVES... --scheduler tcp://HOST:8786``.

The pages are read by the cluster's workers (``dask worker``, each with
itvreport installed), in tasks of :data:`TASK_PAGES` pages. This process
streams the input (WARC records, and files read here so the workers need no
shared disk; addresses are fetched by the workers), keeps at most
:data:`IN_FLIGHT` tasks per worker thread on the cluster, and writes the
results in input order: the output is byte for byte what ``-j 1`` writes.

A page that cannot be read is an error record, as in any batch. A worker lost
mid-run loses no page: the scheduler runs its tasks again elsewhere. A task
that takes down every worker it runs on (Dask gives up after its
``allowed-failures``, 3 by default) gives an error record for each of its
pages, and the run goes on.

``distributed`` is imported only here, so only with ``--scheduler``; it comes
with ``pip install 'itvreport[dask]'``.
"""

from __future__ import annotations

from itvreport.errors import ItvReportError

TASK_PAGES = 64  # pages in one task: many pages per task keeps the scheduler's work per page small
IN_FLIGHT = 3  # tasks waiting per worker thread
CONNECT_TIMEOUT = 10  # seconds to reach the scheduler


class ClusterError(ItvReportError):
    """The cluster cannot be used: distributed is missing, the scheduler cannot be reached
    or went away (exit 1)."""


def results(address: str, stream, settings):
    """``(item, result)`` for every item of ``stream``, in order, read on the cluster at ``address``."""
    from itvreport import batch

    client = connect(address)
    try:
        window = max(2, IN_FLIGHT * _threads(client))

        def submit(chunk):
            return client.submit(batch.read_chunk, settings, chunk, pure=False)

        def result(chunk, future):
            return _result(future, chunk, address)

        yield from batch.in_order(submit, batch.chunks(stream, TASK_PAGES), window, result)
    finally:
        _close(client)


def connect(address: str):
    """A client of the scheduler at ``address``, or a one-line :class:`ClusterError`."""
    try:
        import logging

        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs Dask's distributed package: pip install 'itvreport[dask]'") from None
    import dask

    # The client logs to stderr as it reconnects or loses a worker; the run reports what matters.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    # The client keeps its last messages to the scheduler for debugging (1,000 by default),
    # and each of ours carries a task's pages: memory would grow to about 1,000 tasks' worth.
    dask.config.set({"distributed.admin.low-level-log-length": 0})
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {_shown(address)}: {_reason(error)}") from None


def _threads(client) -> int:
    try:
        workers = client.scheduler_info().get("workers", {})
        return max(1, sum(int(worker.get("nthreads", 1)) for worker in workers.values()))
    except Exception:  # noqa: BLE001 - an estimate only
        return 1


def _result(future, chunk, address):
    """The task's results; a task the cluster gave up on (it took down its workers) is an
    error for each of its pages; a lost scheduler ends the run."""
    from distributed.scheduler import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        from itvreport.read import show_path

        return [(None, [], f"{show_path(item[1])}: lost: the Dask workers reading it stopped, on every try")
                for item in chunk]
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"lost the Dask scheduler at {_shown(address)}: {_reason(error)}") from None
    except Exception as error:  # noqa: BLE001 - e.g. CancelledError when the scheduler restarts
        if type(error).__name__ in ("CancelledError", "FutureCancelledError"):
            raise ClusterError(f"the Dask scheduler at {_shown(address)} cancelled the run's tasks") from None
        raise


def _close(client) -> None:
    try:
        client.close(timeout=CONNECT_TIMEOUT)
    except Exception:  # noqa: BLE001 - closing a client whose scheduler went away
        pass


def _shown(address: str) -> str:
    from itvreport.read import show_path

    return show_path(address)


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:1].lower() + text[1:]
