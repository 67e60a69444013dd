// GET /v1/appointment?procedure=CODE: the appointment a dossier of that procedure
// received now at the counter would get, from the server's calendar (the page never
// computes working days itself: holidays and make-up days live on the server).

import { request } from './api';
import { decodeAppointmentPreview, type AppointmentPreview } from './contract';

export async function previewAppointment(procedure: string): Promise<AppointmentPreview> {
  return decodeAppointmentPreview(await request('GET', '/v1/appointment', { query: { procedure } }));
}
