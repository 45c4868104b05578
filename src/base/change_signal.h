/* A counter in a small shared file that the staff programs move after each
 * write they commit, so the public workers hear of a change at once instead
 * of at their next look at the database's change counter. */
#ifndef JDXX_CHANGE_SIGNAL_H
#define JDXX_CHANGE_SIGNAL_H

/* Maps the file at path, creating it; 0, or -1 (logged). */
int			 change_signal_open(const char *path);
void			 change_signal_close(void);
/* Adds one; nothing when no file is open. */
void			 change_signal_bump(void);
/* The count; 0 when no file is open. */
unsigned long long	 change_signal_read(void);

#endif
