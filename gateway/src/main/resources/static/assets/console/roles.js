// The signed-in person's roles as the session's user info gives them (/auth/me, or the dev token's request). They
// only decide what the console offers; the services check every call again.
import { auth } from '../auth.js';

const STAFF = ['ORGANIZER', 'ADMIN'];

export const rolesOf = (user) => (user && Array.isArray(user.roles) ? user.roles : []);
export const isStaff = () => auth.signedIn && rolesOf(auth.user).some((r) => STAFF.includes(r));
export const isAdmin = () => auth.signedIn && rolesOf(auth.user).includes('ADMIN');
