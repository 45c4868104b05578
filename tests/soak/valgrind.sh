# One worker of a program under valgrind in place of the program, for the
# soak scripts (sourced after tests/private-instance.sh, with ok, bad,
# figure, $out, $VAR and $BUILD).

# valgrind_start PROGRAM: stops PROGRAM's workers and starts one under
# valgrind on the same socket; $vg its pid.
valgrind_start() {
	local program=$1 sock user=() i
	kill -TERM "$(cat "$VAR/run/$program.pid")"
	for i in $(seq 1 150); do
		kill -0 "$(cat "$VAR/run/$program.pid")" 2>/dev/null || break
		sleep 0.1
	done
	sed 's/^Workers = .*/Workers = 1/' "$VAR/jdxx.hdf" > "$out/valgrind.hdf"
	chmod 600 "$out/valgrind.hdf"
	# The worker writes its own log once it no longer is root, so in a
	# directory that user can reach.
	vgdir=$(mktemp -d /tmp/jdxx-valgrind.XXXXXX)
	chmod 1777 "$vgdir"
	sock=$(runtime_dir)/$program.sock
	[ "$(id -u)" -ne 0 ] || user=(--user jdxx)
	rm -f "$sock"
	# The workers allocate through tcmalloc: valgrind watches it as libc's.
	setsid valgrind --soname-synonyms=somalloc=libtcmalloc_minimal.so.4 \
	    --suppressions=tests/soak/tcmalloc.supp --leak-check=full \
	    --show-leak-kinds=definite --errors-for-leak-kinds=definite \
	    --log-file="$vgdir/$program-%p.log" \
	    "$BUILD/$program.fcgi" --config "$out/valgrind.hdf" --socket "$sock" \
	    "${user[@]}" >> "$VAR/log/$program.log" 2>&1 < /dev/null &
	vg=$!
	for i in $(seq 1 300); do [ -S "$sock" ] && break; sleep 0.1; done
	sleep 2
}

# valgrind_verdict PROGRAM: stops the worker; 0 bytes definitely lost and
# no errors in each of its logs (kept in $out/valgrind/).
valgrind_verdict() {
	local program=$1 f lost ind errs
	kill -TERM "$vg"
	wait "$vg"
	mkdir -p "$out/valgrind"
	mv "$vgdir"/"$program"-*.log "$out/valgrind/"
	rmdir "$vgdir"
	for f in "$out"/valgrind/"$program"-*.log; do
		lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$f" | tr -d , | tail -n 1)
		ind=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$f" | tr -d , | tail -n 1)
		errs=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$f" | tail -n 1)
		figure "valgrind $(basename "$f"): definitely lost ${lost:-0} bytes, indirectly ${ind:-0}, ${errs:-?} errors"
		[ "${lost:-0}" = 0 ] && ok || bad "$(basename "$f"): $lost bytes definitely lost"
		[ "${errs:-1}" = 0 ] && ok || bad "$(basename "$f"): $errs valgrind errors"
	done
}
